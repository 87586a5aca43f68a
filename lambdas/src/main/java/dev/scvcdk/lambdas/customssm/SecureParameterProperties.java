package dev.scvcdk.lambdas.customssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.customresource.InvalidPropertiesException;
import dev.scvcdk.lambdas.customresource.OwnedParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated resource properties of one CustomSSM resource; see {@link CustomSsmHandler} for the contract.
 *
 * @param keyId       the KMS key, or {@code null} for {@code alias/aws/ssm}
 * @param description or {@code null}
 */
record SecureParameterProperties(
        String parameterName,
        ValueFrom valueFrom,
        String value,
        String secretId,
        String secretJsonKey,
        String keyId,
        String description) {

    /** Where the parameter's value comes from. */
    enum ValueFrom { Literal, SecretsManager }

    static final String PARAMETER_NAME = "ParameterName";
    static final String VALUE_FROM = "ValueFrom";
    static final String VALUE = "Value";
    static final String SECRET_ID = "SecretId";
    static final String SECRET_JSON_KEY = "SecretJsonKey";
    static final String KEY_ID = "KeyId";
    static final String DESCRIPTION = "Description";
    /** CloudFormation adds the function's ARN to every custom resource's properties. */
    private static final String SERVICE_TOKEN = "ServiceToken";
    private static final Set<String> KNOWN = Set.of(PARAMETER_NAME, VALUE_FROM, VALUE, SECRET_ID, SECRET_JSON_KEY,
            KEY_ID, DESCRIPTION, SERVICE_TOKEN);

    /** Partition-neutral: {@code arn:<partition>:secretsmanager:<region>:<account>:secret:<name>}. */
    private static final Pattern SECRET_ARN =
            Pattern.compile("arn:[a-z0-9-]+:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@\\-]+");
    private static final int MAX_KEY_ID_LENGTH = 2048;
    private static final int MAX_DESCRIPTION_LENGTH = 1024;

    /**
     * Reads and checks the properties.
     *
     * @throws InvalidPropertiesException naming every problem, its value (never {@code Value}'s) and the rule
     */
    static SecureParameterProperties from(ObjectNode properties) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            if (!KNOWN.contains(field.getKey())) {
                problems.add(field.getKey() + " is not a property of this resource; the properties are "
                        + "ParameterName, ValueFrom, Value, SecretId, SecretJsonKey, KeyId and Description");
            } else if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                problems.add(field.getKey() + " must be a string, was " + field.getValue().getNodeType());
            }
        }

        String name = text(properties, PARAMETER_NAME);
        if (name == null) {
            problems.add("ParameterName is required");
        } else {
            OwnedParameters.nameProblem(PARAMETER_NAME, name).ifPresent(problems::add);
        }

        String rawValueFrom = text(properties, VALUE_FROM);
        ValueFrom valueFrom = null;
        if (rawValueFrom == null) {
            problems.add("ValueFrom is required; it must be Literal or SecretsManager");
        } else {
            try {
                valueFrom = ValueFrom.valueOf(rawValueFrom);
            } catch (IllegalArgumentException e) {
                problems.add("ValueFrom '" + rawValueFrom + "' is invalid; it must be Literal or SecretsManager");
            }
        }

        String value = text(properties, VALUE);
        String secretId = text(properties, SECRET_ID);
        String secretJsonKey = text(properties, SECRET_JSON_KEY);
        if (valueFrom == ValueFrom.Literal) {
            if (value == null) {
                problems.add("Value is required when ValueFrom is Literal");
            } else if (value.length() > OwnedParameters.MAX_STANDARD_VALUE_LENGTH) {
                problems.add("Value is " + value.length() + " characters; a parameter holds at most "
                        + OwnedParameters.MAX_STANDARD_VALUE_LENGTH);
            }
            if (secretId != null) {
                problems.add("SecretId '" + secretId + "' is only allowed when ValueFrom is SecretsManager");
            }
            if (secretJsonKey != null) {
                problems.add("SecretJsonKey '" + secretJsonKey
                        + "' is only allowed when ValueFrom is SecretsManager");
            }
        } else if (valueFrom == ValueFrom.SecretsManager) {
            if (value != null) {
                // The value is deliberately not quoted: it may be the very secret that must stay out of templates.
                problems.add("Value is not allowed when ValueFrom is SecretsManager; a secret never travels in "
                        + "the template, name it with SecretId");
            }
            if (secretId == null) {
                problems.add("SecretId is required when ValueFrom is SecretsManager");
            } else if (!SECRET_ARN.matcher(secretId).matches()) {
                problems.add("SecretId '" + secretId + "' is invalid; it must be a Secrets Manager secret ARN "
                        + "(arn:<partition>:secretsmanager:<region>:<account>:secret:<name>)");
            }
        }

        String keyId = text(properties, KEY_ID);
        if (keyId != null && (keyId.length() > MAX_KEY_ID_LENGTH || keyId.isBlank() || keyId.matches(".*\\s.*"))) {
            problems.add("KeyId '" + keyId + "' is invalid; it must be a KMS key id, alias or ARN without spaces, "
                    + "at most " + MAX_KEY_ID_LENGTH + " characters");
        }
        String description = text(properties, DESCRIPTION);
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            problems.add("Description is " + description.length() + " characters; at most "
                    + MAX_DESCRIPTION_LENGTH + " are allowed");
        }

        if (!problems.isEmpty()) {
            throw new InvalidPropertiesException(problems);
        }
        return new SecureParameterProperties(name, valueFrom, value, secretId, secretJsonKey, keyId, description);
    }

    private static String text(ObjectNode properties, String field) {
        JsonNode node = properties.get(field);
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }
}
