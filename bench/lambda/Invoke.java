import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in the fresh JVM the benchmark starts: builds one handler the way Lambda does (no-argument
 * constructor), answers one event, prints the response, then answers it again {@code warmRepeats} times.
 * usage: Invoke <handler class> <event file> <warmRepeats>
 */
public final class Invoke {
    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int warmRepeats = Integer.parseInt(args[2]);
        RequestStreamHandler handler =
                (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        System.out.println("BENCH FIRST " + invoke(handler, event));
        System.out.flush();
        for (int i = 0; i < warmRepeats; i++) {
            long start = System.nanoTime();
            String response = invoke(handler, event);
            long micros = (System.nanoTime() - start) / 1_000;
            System.out.println("BENCH WARM " + micros + " " + response.length());
        }
        System.out.flush();
        System.exit(0);
    }

    private static String invoke(RequestStreamHandler handler, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
