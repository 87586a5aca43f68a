package dev.scvcdk.lambdas.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * Points the default region, credential and endpoint chains at local stubs through the {@code aws.*} system properties (the same
 * settings as the AWS_* environment variables a Lambda gets), and restores the previous values on close.
 */
public final class AwsSystemProperties implements AutoCloseable {
    private final Map<String, String> previous = new HashMap<>();

    private AwsSystemProperties() {
    }

    /** Region us-west-2, static test credentials, and the given endpoint overrides (property → URL). */
    public static AwsSystemProperties with(Map<String, String> endpoints) {
        AwsSystemProperties properties = new AwsSystemProperties();
        properties.set("aws.region", "us-west-2");
        properties.set("aws.accessKeyId", "AKIDTESTTESTTESTTEST");
        properties.set("aws.secretAccessKey", "test-secret-access-key");
        endpoints.forEach(properties::set);
        return properties;
    }

    private void set(String name, String value) {
        previous.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
