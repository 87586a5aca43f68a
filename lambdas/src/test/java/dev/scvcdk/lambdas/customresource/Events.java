package dev.scvcdk.lambdas.customresource;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON event fixtures under {@code src/test/resources/events}, and invoking a stream handler with one. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** The fixture's text with {@code {{ResponseURL}}} pointing at {@code server}. */
    public static String fixture(String path, LocalAwsServer server) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + path);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return server == null ? text : text.replace("{{ResponseURL}}", server.responseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String path, LocalAwsServer server) {
        try {
            return JSON.readTree(fixture(path, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code handler} with the fixture and returns what it wrote. */
    public static JsonNode invoke(RequestStreamHandler handler, String path, LocalAwsServer server,
                                  Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(fixture(path, server).getBytes(StandardCharsets.UTF_8)),
                    out, context);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
