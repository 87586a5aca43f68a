package dev.scvcdk.lambdas.customresource;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON object per log line, through the Lambda logger. Callers pass names, ids and outcomes only: never a
 * parameter value, a secret or a key.
 */
public final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLog() {
    }

    /**
     * Writes {@code {"level":…,"message":…, key: value, …}}.
     *
     * @param keyValues alternating field names and values; {@code null} values are left out
     */
    public static void log(Context context, String level, String message, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keyValues must alternate names and values");
        }
        ObjectNode line = JSON.createObjectNode().put("level", level).put("message", message);
        if (context != null && context.getAwsRequestId() != null) {
            line.put("awsRequestId", context.getAwsRequestId());
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                line.put(keyValues[i], keyValues[i + 1]);
            }
        }
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line + "\n");
        } else {
            System.out.println(line);
        }
    }
}
