package dev.scvcdk.lambdas.common.snapstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.scvcdk.contracts.LogLevel;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/** Helpers the handlers' priming shares: running an event through a handler, a silent logger, a throwaway key. */
public final class Priming {

    private Priming() {
    }

    /** Runs {@code event} through {@code handler} as Lambda does (JSON bytes in and out) and returns the answer. */
    public static String invoke(RequestStreamHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code event} through {@code handler} and checks the answer holds {@code expected}: a priming run that
     * went down an error path (a stand-in that answered wrongly) primed the wrong code, and must say so.
     *
     * @throws IllegalStateException naming the handler and what was missing
     */
    public static String invoke(RequestStreamHandler handler, String event, String expected) {
        String answer = invoke(handler, event);
        if (!answer.contains(expected)) {
            throw new IllegalStateException("priming " + handler.getClass().getSimpleName() + " answered without "
                    + expected + ": " + (answer.length() > 300 ? answer.substring(0, 300) + "…" : answer));
        }
        return answer;
    }

    /**
     * A logger that formats every line as the function's own does (so that code is exercised too) and writes them
     * nowhere: priming requests are not the function's business and must not fill its log.
     */
    public static StructuredLogger silentLogger(String name) {
        return new StructuredLogger(name, LogLevel.DEBUG, new PrintStream(OutputStream.nullOutputStream()),
                Clock.systemUTC());
    }

    /**
     * A freshly generated RSA 2048 private key in PKCS#8 PEM, for signing priming JWTs. It signs nothing that
     * leaves the process and is dropped after priming.
     */
    public static String throwawayRsaKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String body = Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is unavailable in this JVM", e);
        }
    }

    /**
     * An ARN of a made-up priming resource in the partition of the region this function runs in
     * ({@code AWS_REGION}; us-east-1 outside Lambda), so priming events look like the partition's real ones.
     */
    public static String arn(String service, String resource) {
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        String partition = PartitionMetadata.of(Region.of(region)).id();
        return "arn:" + partition + ":" + service + ":" + region + ":111122223333:" + resource;
    }

    /** A JSON string literal of {@code text}. */
    public static String jsonString(String text) {
        return dev.scvcdk.lambdas.common.json.Json.write(text);
    }
}
