package dev.scvcdk.lambdas.authkeys;

import dev.scvcdk.contracts.EnvVar;

import java.util.List;
import java.util.Optional;

/**
 * The SSM parameters AuthKeysSSMUtil may write: its own contact center's, named from {@code CALL_CENTER_API_NAME} —
 * {@code <cc>-scrt-jwt-auth-private-key} and {@code <cc>-salesforce-rest-api-{auth-private-key,auth-consumer-key,
 * access-token,audience,subject}}. Salesforce reaches the function through a cross-account role, so a request must
 * not be able to overwrite another contact center's key in the same account.
 */
final class ParameterNameRule {

    static final String VARIABLE = EnvVar.CALL_CENTER_API_NAME;
    static final List<String> SUFFIXES = List.of("scrt-jwt-auth-private-key", "salesforce-rest-api-auth-private-key",
            "salesforce-rest-api-auth-consumer-key", "salesforce-rest-api-access-token",
            "salesforce-rest-api-audience", "salesforce-rest-api-subject");

    private final String callCenterApiName;

    /** @param callCenterApiName the variable's value; {@code null} or blank refuses every name */
    ParameterNameRule(String callCenterApiName) {
        this.callCenterApiName = callCenterApiName == null || callCenterApiName.isBlank() ? null : callCenterApiName;
    }

    /** Why this function must not write {@code name} (given as {@code property}); empty when it may. */
    Optional<String> problem(String property, String name) {
        if (callCenterApiName == null) {
            return Optional.of(property + " '" + name + "' is refused: " + VARIABLE + " is not set, so this function "
                    + "does not know its contact center and writes no parameter");
        }
        for (String suffix : SUFFIXES) {
            if (name.equals(callCenterApiName + "-" + suffix)) {
                return Optional.empty();
            }
        }
        return Optional.of(property + " '" + name + "' is refused: this function writes only contact center '"
                + callCenterApiName + "' parameters, " + callCenterApiName + "-scrt-jwt-auth-private-key or "
                + callCenterApiName + "-salesforce-rest-api-{auth-private-key,auth-consumer-key,access-token,"
                + "audience,subject} (" + VARIABLE + ")");
    }
}
