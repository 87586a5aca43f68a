import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in the fresh JVM the benchmark starts, as one Lambda execution environment: builds the handler the way
 * Lambda does (no-argument constructor: init, which primes when AWS_LAMBDA_INITIALIZATION_TYPE is snap-start),
 * then — for snap-start — runs the restore hooks as SnapStart would around the snapshot, answers one event (the
 * first invocation) and then the same event {@code warmRepeats} times. Prints one line per phase, in microseconds.
 * usage: Invoke <handler class> <event file> <warmRepeats>
 */
public final class Invoke {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int warmRepeats = Integer.parseInt(args[2]);
        boolean snapStart = "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));

        long start = System.nanoTime();
        Object handler = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        System.out.println("BENCH INIT " + micros(start));
        if (snapStart) {
            start = System.nanoTime();
            // On a JVM without CRaC the hooks' registration is inert: run them as a snapshot and restore would.
            Class.forName("dev.scvcdk.lambdas.common.snapstart.RestoreHooks")
                    .getMethod("simulateCheckpointAndRestore").invoke(null);
            System.out.println("BENCH RESTORE " + micros(start));
        }
        start = System.nanoTime();
        String first = invoke(handler, event);
        System.out.println("BENCH FIRST " + micros(start) + " " + first);
        System.out.flush();
        for (int i = 0; i < warmRepeats; i++) {
            start = System.nanoTime();
            String response = invoke(handler, event);
            System.out.println("BENCH WARM " + micros(start) + " " + response.length());
        }
        System.out.flush();
        System.exit(0);
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String invoke(Object handler, byte[] event) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(event), out, null);
            return out.toString(StandardCharsets.UTF_8);
        }
        // A POJO handler (the REST API function before it became a stream handler): Lambda's runtime serializes.
        Object answer = ((RequestHandler) handler).handleRequest(JSON.readValue(event, Map.class), null);
        return JSON.writeValueAsString(answer);
    }
}
