package dev.scvcdk.constructs.parameters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * Where the CustomSSM function takes a SecureString's value from. A literal is written into the
 * template, so it may only be a non-secret value (an audience URL, a username, a marker); secrets
 * are read by the function from Secrets Manager at deploy time and never pass through CloudFormation.
 */
public final class ParameterValue {
    private final Map<String, Object> properties;

    private ParameterValue(Map<String, Object> properties) {
        // in the given order (Map.copyOf's changes from one JVM to the next; the template's must not)
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * A non-secret value stored as given.
     *
     * @throws IllegalArgumentException when the value is empty or is a PEM block (a key never belongs in a template)
     */
    public static ParameterValue literal(String value) {
        Objects.requireNonNull(value, "value");
        if (!Token.isUnresolved(value)) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("ParameterValue.literal: value '' is empty; SSM parameters "
                        + "need at least one character");
            }
            if (value.contains("-----BEGIN")) {
                throw new IllegalArgumentException("ParameterValue.literal: value is a PEM block; keys and "
                        + "other secrets must come from Secrets Manager (ParameterValue.fromSecret)");
            }
        }
        return new ParameterValue(new TreeMap<>(Map.of("ValueFrom", "Literal", "Value", value)));
    }

    /** The whole secret string of {@code secret}. */
    public static ParameterValue fromSecret(ISecret secret) {
        return new ParameterValue(new TreeMap<>(Map.of("ValueFrom", "SecretsManager",
                "SecretId", secret.getSecretArn())));
    }

    /** One key of the JSON object held by {@code secret}. */
    public static ParameterValue fromSecret(ISecret secret, String jsonKey) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("ValueFrom", "SecretsManager");
        props.put("SecretId", secret.getSecretArn());
        props.put("SecretJsonKey", Objects.requireNonNull(jsonKey, "jsonKey"));
        return new ParameterValue(props);
    }

    /** The custom-resource properties describing this source. */
    Map<String, Object> toProperties() {
        return properties;
    }
}
