package dev.scvcdk.lambdas.authkeys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.customresource.InvalidPropertiesException;
import dev.scvcdk.lambdas.customresource.OwnedParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Details} of an AuthKeysSSMUtil request, checked for the request type that uses them.
 *
 * @param parameterName      {@code SSMParamName}
 * @param organizationalUnit {@code OrganizationalUnitName} (key pair only)
 * @param expiresInDays      {@code ExpiresIn} (key pair only)
 * @param value              {@code SSMParamValue} (CreateSSMParameter only)
 */
record KeyPairDetails(String parameterName, String organizationalUnit, int expiresInDays, String value) {

    static final int MAX_EXPIRES_IN_DAYS = 36_500;
    /** X.520 upper bound for an organizational unit name. */
    static final int MAX_UNIT_LENGTH = 64;

    /** Reads the details of a GeneratePrivatePublicKeyPair request; problems are collected and thrown once. */
    static KeyPairDetails forKeyPair(JsonNode details) {
        List<String> problems = new ArrayList<>();
        String name = parameterName(details, problems);
        String unit = text(details, "OrganizationalUnitName");
        if (unit == null || unit.isBlank()) {
            problems.add("Details.OrganizationalUnitName is required for GeneratePrivatePublicKeyPair");
        } else if (unit.length() > MAX_UNIT_LENGTH) {
            problems.add("Details.OrganizationalUnitName '" + unit + "' is " + unit.length()
                    + " characters; a certificate's organizational unit holds at most " + MAX_UNIT_LENGTH);
        }
        int days = 0;
        String expiresIn = text(details, "ExpiresIn");
        if (expiresIn == null) {
            problems.add("Details.ExpiresIn is required for GeneratePrivatePublicKeyPair (days the certificate "
                    + "is valid)");
        } else {
            try {
                days = Integer.parseInt(expiresIn.trim());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 1 || days > MAX_EXPIRES_IN_DAYS) {
                problems.add("Details.ExpiresIn '" + expiresIn + "' is invalid; it must be a whole number of days "
                        + "from 1 to " + MAX_EXPIRES_IN_DAYS);
            }
        }
        throwIfAny(problems);
        return new KeyPairDetails(name, unit, days, null);
    }

    /** Reads the details of a CreateSSMParameter request. The value is never quoted in a message. */
    static KeyPairDetails forParameter(JsonNode details) {
        List<String> problems = new ArrayList<>();
        String name = parameterName(details, problems);
        String value = text(details, "SSMParamValue");
        if (value == null || value.isEmpty()) {
            problems.add("Details.SSMParamValue is required for CreateSSMParameter");
        } else if (value.length() > OwnedParameters.MAX_STANDARD_VALUE_LENGTH) {
            problems.add("Details.SSMParamValue is " + value.length() + " characters; a parameter holds at most "
                    + OwnedParameters.MAX_STANDARD_VALUE_LENGTH);
        }
        throwIfAny(problems);
        return new KeyPairDetails(name, null, 0, value);
    }

    private static String parameterName(JsonNode details, List<String> problems) {
        String name = text(details, "SSMParamName");
        if (name == null || name.isEmpty()) {
            problems.add("Details.SSMParamName is required");
        } else {
            OwnedParameters.nameProblem("Details.SSMParamName", name).ifPresent(problems::add);
        }
        return name;
    }

    private static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidPropertiesException(problems);
        }
    }

    private static String text(JsonNode details, String field) {
        JsonNode node = details == null ? null : details.get(field);
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }
}
