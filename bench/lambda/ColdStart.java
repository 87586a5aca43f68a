import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cold start and warm time of the SCV handlers from the shaded jar, against loopback stand-ins for
 * SSM, Lambda and SCRT that answer after a fixed latency. Each cold run is a fresh JVM, timed from
 * process start to the first response line.
 * usage: ColdStart <scv-lambdas.jar> <bench classes dir> <runs> <warm repeats> <latency ms> <work dir>
 */
public final class ColdStart {
    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "us-west-2";
    // Lambda's Java runtimes start the JVM with C1 only; measure what production runs.
    private static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private static final AtomicLong REQUESTS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path benchClasses = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        int warmRepeats = Integer.parseInt(args[3]);
        int latencyMs = Integer.parseInt(args[4]);
        Path work = Path.of(args[5]);
        Path here = Path.of(System.getProperty("bench.dir", "bench/lambda"));

        String privateKeyPem = rsaPrivateKeyPem();
        HttpServer server = standIns(privateKeyPem, latencyMs);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            Path ctrEvent = work.resolve("kinesis-ctr-100.json");
            Files.writeString(ctrEvent, kinesisEvent(Files.readString(here.resolve("ctr-inbound-template.json")), 100));
            Path telephonyEvent = here.resolve("telephony-create-voice-call.json");

            Map<String, String> env = Map.of(
                    "AWS_REGION", REGION,
                    "AWS_ACCESS_KEY_ID", "AKIDBENCHMARK",
                    "AWS_SECRET_ACCESS_KEY", "bench-secret",
                    "AWS_EC2_METADATA_DISABLED", "true",
                    "AWS_ENDPOINT_URL_SSM", base,
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", base,
                    "AWS_ENDPOINT_URL_LAMBDA", base,
                    "LOG_LEVEL", "ERROR");
            Map<String, String> telephonyEnv = Map.of(
                    "PRIVATE_KEY_PARAM_NAME", "bench-scrt-jwt-auth-private-key",
                    "SALESFORCE_ORG_ID", "00D5g000004BeNc",
                    "SCRT_ENDPOINT_BASE", base + "/telephony/v1",
                    "CALL_CENTER_API_NAME", "bench");
            Map<String, String> ctrEnv = Map.of(
                    "INVOKE_TELEPHONY_INTEGRATION_API_ARN",
                    "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:bench-InvokeTelephonyIntegrationApiFunction:active");

            System.out.printf("| function (event) | cold start median ms | min | max | warm median ms | warm min | warm max |%n");
            System.out.printf("|---|---:|---:|---:|---:|---:|---:|%n");
            measure("InvokeTelephonyIntegrationApi (createVoiceCall)",
                    "dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler", telephonyEvent,
                    merge(env, telephonyEnv), jar, benchClasses, runs, warmRepeats);
            measure("CtrDataSync (100 records)", "dev.scvcdk.lambdas.ctrsync.CtrDataSyncHandler", ctrEvent,
                    merge(env, ctrEnv), jar, benchClasses, runs, warmRepeats);
            System.out.printf("%nStand-in latency %d ms per request; %d requests served; JVM flags %s.%n",
                    latencyMs, REQUESTS.get(), String.join(" ", LAMBDA_JVM_FLAGS));
        } finally {
            server.stop(0);
        }
    }

    private static void measure(String label, String handler, Path event, Map<String, String> env, Path jar,
            Path benchClasses, int runs, int warmRepeats) throws Exception {
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(LAMBDA_JVM_FLAGS);
            command.addAll(List.of("-cp", jar + ":" + benchClasses, "Invoke", handler, event.toString(),
                    String.valueOf(run == 0 ? warmRepeats : 0)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process process = builder.start();
            StringBuilder transcript = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    transcript.append(line).append('\n');
                    if (line.startsWith("BENCH FIRST ")) {
                        cold.add((System.nanoTime() - start) / 1e6);
                        requireSuccess(label, line.substring("BENCH FIRST ".length()));
                    } else if (line.startsWith("BENCH WARM ")) {
                        warm.add(Long.parseLong(line.split(" ")[2]) / 1e3);
                    }
                }
            }
            if (process.waitFor() != 0 || cold.size() != run + 1) {
                throw new IllegalStateException(label + " run " + run + " failed:\n" + transcript);
            }
        }
        System.out.printf("| %s | %.0f | %.0f | %.0f | %s | %s | %s |%n", label, median(cold), Collections.min(cold),
                Collections.max(cold), fmt(median(warm)), fmt(warm.isEmpty() ? Double.NaN : Collections.min(warm)),
                fmt(warm.isEmpty() ? Double.NaN : Collections.max(warm)));
    }

    /** A benchmark of failing calls measures nothing: the first response must be a success. */
    private static void requireSuccess(String label, String response) {
        boolean failed = response.contains("\"itemIdentifier\"") || response.contains("errorMessage")
                || response.contains("\"Error\"");
        if (failed) {
            throw new IllegalStateException(label + " answered with a failure: " + response);
        }
    }

    private static HttpServer standIns(String privateKeyPem, int latencyMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            sleep(latencyMs);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String path = exchange.getRequestURI().getPath();
            if (target != null && target.startsWith("AmazonSSM.GetParameter")) {
                respond(exchange, 200, "{\"Parameter\":{\"Name\":\"bench-scrt-jwt-auth-private-key\",\"Type\":\"SecureString\","
                        + "\"Value\":" + jsonString(privateKeyPem) + ",\"Version\":1}}");
            } else if (path.endsWith("/invocations")) {
                respond(exchange, 200, "{\"voiceCallId\":\"0LQbench\"}");
            } else if (path.startsWith("/telephony/v1/voiceCalls")) {
                respond(exchange, 200, "{\"voiceCallId\":\"0LQbench\"}");
            } else {
                respond(exchange, 404, "{\"message\":\"no stand-in for " + path + "\"}");
            }
        });
        server.start();
        return server;
    }

    private static String kinesisEvent(String ctrTemplate, int records) {
        StringBuilder event = new StringBuilder("{\"Records\":[");
        for (int i = 1; i <= records; i++) {
            String contactId = String.format("c0000000-0000-4000-8000-%012d", i);
            String ctr = ctrTemplate.replace("c0000000-0000-4000-8000-000000000001", contactId);
            String data = Base64.getEncoder().encodeToString(ctr.getBytes(StandardCharsets.UTF_8));
            if (i > 1) {
                event.append(',');
            }
            event.append("{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"").append(contactId)
                    .append("\",\"sequenceNumber\":\"").append(String.format("4959033827149025660855969253836157109592157598913658%04d", i))
                    .append("\",\"data\":\"").append(data).append("\",\"approximateArrivalTimestamp\":1763740860.123},")
                    .append("\"eventSource\":\"aws:kinesis\",\"eventID\":\"shardId-000000000000:").append(i)
                    .append("\",\"eventName\":\"aws:kinesis:record\",\"awsRegion\":\"").append(REGION).append("\"}");
        }
        return event.append("]}").toString();
    }

    private static String rsaPrivateKeyPem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.0f", value);
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
