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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * First-invocation and warm time of every SCV handler from the shaded jar, side by side: on-demand init (nothing
 * extra), SnapStart init (priming, then the restore hooks as SnapStart runs them around the snapshot), and — when a
 * baseline jar is given — the on-demand cold start of that jar, all against loopback stand-ins for SSM, Lambda,
 * SCRT, Salesforce and the CloudFormation response URL that answer after a fixed latency. Each run of each
 * (handler, init type, jar) is a fresh JVM, the runs interleaved so every row sees the same machine noise.
 * usage: ColdStart <scv-lambdas.jar> <bench classes dir> <runs> <warm repeats> <latency ms> <work dir> [<baseline jar>]
 * For a focused run, -Dbench.only=<part of a function label> and -Dbench.variants="before on-demand snap-start".
 */
public final class ColdStart {
    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "us-west-2";
    // Lambda's Java runtimes start the JVM with C1 only; measure what production runs.
    private static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private static final AtomicLong REQUESTS = new AtomicLong();

    private record Function(String label, String handler, Path event, Map<String, String> env, boolean budget) {
    }

    private record Variant(String label, Path jar, String initializationType) {
    }

    /** One fresh JVM's timings, in ms. */
    private record Run(double cold, double init, double restore, double first, List<Double> warm, long firstRequests,
                       double warmRequests) {
        double warmMedian() {
            return median(warm);
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path benchClasses = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        int warmRepeats = Integer.parseInt(args[3]);
        int latencyMs = Integer.parseInt(args[4]);
        Path work = Path.of(args[5]);
        Path baseline = args.length > 6 ? Path.of(args[6]) : null;
        Path here = Path.of(System.getProperty("bench.dir", "bench/lambda"));

        // The JDK server otherwise writes headers and body in two segments, and Nagle's algorithm with the
        // client's delayed ACK adds ~40 ms to every answer: an artefact of the stand-in, not of the handlers.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String privateKeyPem = rsaPrivateKeyPem();
        HttpServer server = standIns(privateKeyPem, latencyMs);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            Path ctrEvent = work.resolve("kinesis-ctr-100.json");
            Files.writeString(ctrEvent, kinesisEvent(Files.readString(here.resolve("ctr-inbound-template.json")), 100));
            Path customSsmEvent = work.resolve("customssm-create-literal.json");
            Files.writeString(customSsmEvent, Files.readString(here.resolve("customssm-create-literal.json"))
                    .replace("{{BASE}}", base));

            Map<String, String> aws = Map.of(
                    "AWS_REGION", REGION,
                    "AWS_ACCESS_KEY_ID", "AKIDBENCHMARK",
                    "AWS_SECRET_ACCESS_KEY", "bench-secret",
                    // Lambda's credentials are always session credentials.
                    "AWS_SESSION_TOKEN", "bench-session-token",
                    "AWS_EC2_METADATA_DISABLED", "true",
                    "AWS_ENDPOINT_URL_SSM", base,
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", base,
                    "AWS_ENDPOINT_URL_LAMBDA", base,
                    "LOG_LEVEL", "ERROR");
            String telephonyArn = "arn:aws:lambda:" + REGION + ":" + ACCOUNT
                    + ":function:bench-InvokeTelephonyIntegrationApiFunction:active";
            List<Function> functions = List.of(
                    new Function("InvokeTelephonyIntegrationApi (createVoiceCall)",
                            "dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler",
                            here.resolve("telephony-create-voice-call.json"), merge(aws, Map.of(
                                    "PRIVATE_KEY_PARAM_NAME", "bench-scrt-jwt-auth-private-key",
                                    "SALESFORCE_ORG_ID", "00D5g000004BeNc",
                                    "SCRT_ENDPOINT_BASE", base + "/telephony/v1",
                                    "CALL_CENTER_API_NAME", "bench")), true),
                    new Function("CTRDataSync (100 records)", "dev.scvcdk.lambdas.ctrsync.CtrDataSyncHandler", ctrEvent,
                            merge(aws, Map.of("INVOKE_TELEPHONY_INTEGRATION_API_ARN", telephonyArn)), true),
                    new Function("InvokeSalesforceRestApi (queryRecord)",
                            "dev.scvcdk.lambdas.restapi.InvokeSalesforceRestApiHandler",
                            here.resolve("restapi-query-record.json"), merge(aws, Map.of(
                                    "PRIVATE_KEY_PARAM_NAME", "bench-salesforce-rest-api-auth-private-key",
                                    "CONSUMER_KEY_PARAM_NAME", "bench-salesforce-rest-api-auth-consumer-key",
                                    "ACCESS_TOKEN_PARAM_NAME", "bench-salesforce-rest-api-access-token",
                                    "AUDIENCE", "bench-salesforce-rest-api-audience",
                                    "SUBJECT", "bench-salesforce-rest-api-subject",
                                    "SALESFORCE_REST_API_ENDPOINT_BASE", base + "/services/data/v60.0",
                                    "SALESFORCE_AUTH_ENDPOINT", base + "/services/oauth2/token",
                                    "CALL_CENTER_API_NAME", "bench")), false),
                    new Function("HandleContactEvents (DISCONNECTED)",
                            "dev.scvcdk.lambdas.contactevents.HandleContactEventsHandler",
                            here.resolve("contact-event-disconnected.json"),
                            merge(aws, Map.of("INVOKE_TELEPHONY_INTEGRATION_API_ARN", telephonyArn)), false),
                    new Function("kvsConsumerTrigger", "dev.scvcdk.lambdas.kvstrigger.KvsConsumerTriggerHandler",
                            here.resolve("kvs-trigger.json"), merge(aws, Map.of("INVOKE_KVS_TRANSCRIBER_ARN",
                                    "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:bench-kvsTranscriber:active")),
                            false),
                    new Function("AuthKeysSSMUtil (CreateSSMParameter)",
                            "dev.scvcdk.lambdas.authkeys.AuthKeysSsmUtilHandler",
                            here.resolve("authkeys-create-ssm-parameter.json"),
                            merge(aws, Map.of("CALL_CENTER_API_NAME", "bench")), false),
                    new Function("AuthKeysSSMUtil (GeneratePrivatePublicKeyPair)",
                            "dev.scvcdk.lambdas.authkeys.AuthKeysSsmUtilHandler",
                            here.resolve("authkeys-generate-key-pair.json"),
                            merge(aws, Map.of("CALL_CENTER_API_NAME", "bench")), false),
                    new Function("CustomSSM (Create, Literal)", "dev.scvcdk.lambdas.customssm.CustomSsmHandler",
                            customSsmEvent, aws, false));

            String only = System.getProperty("bench.only");
            if (only != null) {
                functions = functions.stream().filter(f -> f.label().contains(only)).toList();
            }
            List<Variant> variants = new ArrayList<>();
            if (baseline != null) {
                variants.add(new Variant("before (baseline jar)", baseline, "on-demand"));
            }
            variants.add(new Variant("on-demand", jar, "on-demand"));
            variants.add(new Variant("snap-start", jar, "snap-start"));
            String variantFilter = System.getProperty("bench.variants");
            if (variantFilter != null) {
                variants.removeIf(v -> !variantFilter.contains(v.label().split(" ")[0]));
            }

            Map<String, List<Run>> results = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (Function function : functions) {
                    for (Variant variant : variants) {
                        results.computeIfAbsent(function.label() + "|" + variant.label(), k -> new ArrayList<>())
                                .add(runOnce(function, variant, benchClasses, warmRepeats));
                    }
                }
            }
            report(functions, variants, results, runs, warmRepeats, latencyMs, baseline != null);
        } finally {
            server.stop(0);
        }
    }

    private static Run runOnce(Function function, Variant variant, Path benchClasses, int warmRepeats) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(List.of("-cp", variant.jar() + ":" + benchClasses, "Invoke", function.handler(),
                function.event().toString(), String.valueOf(warmRepeats)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(function.env());
        builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", variant.initializationType());
        long requestsBefore = REQUESTS.get();
        long initRequests = -1;
        long afterInit = 0;
        long afterFirst = 0;
        double cold = Double.NaN;
        double init = Double.NaN;
        double restore = 0;
        double first = Double.NaN;
        List<Double> warm = new ArrayList<>();
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder transcript = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                transcript.append(line).append('\n');
                String[] parts = line.split(" ", 4);
                if (line.startsWith("BENCH INIT ")) {
                    init = Long.parseLong(parts[2]) / 1e3;
                    afterInit = REQUESTS.get();
                    initRequests = afterInit - requestsBefore;
                } else if (line.startsWith("BENCH RESTORE ")) {
                    restore = Long.parseLong(parts[2]) / 1e3;
                } else if (line.startsWith("BENCH FIRST ")) {
                    cold = (System.nanoTime() - start) / 1e6;
                    afterFirst = REQUESTS.get();
                    first = Long.parseLong(parts[2]) / 1e3;
                    requireSuccess(function.label(), parts.length > 3 ? parts[3] : "");
                } else if (line.startsWith("BENCH WARM ")) {
                    warm.add(Long.parseLong(parts[2]) / 1e3);
                }
            }
        }
        if (process.waitFor() != 0 || Double.isNaN(first)) {
            throw new IllegalStateException(function.label() + " (" + variant.label() + ") failed:\n" + transcript);
        }
        if (initRequests != 0) {
            throw new IllegalStateException(function.label() + " (" + variant.label() + ") made " + initRequests
                    + " requests to the stand-ins during init: priming must not call out");
        }
        return new Run(cold, init, restore, first, warm, afterFirst - afterInit,
                warm.isEmpty() ? 0 : (REQUESTS.get() - afterFirst) / (double) warm.size());
    }

    private static void report(List<Function> functions, List<Variant> variants, Map<String, List<Run>> results,
            int runs, int warmRepeats, int latencyMs, boolean withBaseline) {
        System.out.printf("| function (event) | init type | init ms | restore hooks ms | first invoke ms | warm median ms "
                + "| first ÷ warm (median, max) | cold start ms (process start → first answer) "
                + "| stand-in requests: first, each warm |%n");
        System.out.printf("|---|---|---:|---:|---:|---:|---:|---:|---:|%n");
        List<String> budget = new ArrayList<>();
        for (Function function : functions) {
            for (Variant variant : variants) {
                List<Run> rs = results.get(function.label() + "|" + variant.label());
                List<Double> ratios = rs.stream().map(r -> r.first() / r.warmMedian()).toList();
                System.out.printf("| %s | %s | %.0f | %s | %.0f | %.1f | %.2f, %.2f | %.0f | %d, %.1f |%n", function.label(),
                        variant.label(), median(rs.stream().map(Run::init).toList()),
                        variant.initializationType().equals("snap-start")
                                ? String.format("%.1f", median(rs.stream().map(Run::restore).toList())) : "–",
                        median(rs.stream().map(Run::first).toList()),
                        median(rs.stream().map(Run::warmMedian).toList()), median(ratios), Collections.max(ratios),
                        median(rs.stream().map(Run::cold).toList()), rs.get(0).firstRequests(),
                        rs.get(0).warmRequests());
                if (function.budget() && variant.label().equals("snap-start")) {
                    budget.add(String.format("%s: first ÷ warm %.2f (median of %d runs) %s", function.label(),
                            median(ratios), runs, median(ratios) <= 2.0 ? "≤ 2 ✔" : "> 2 ✘"));
                }
            }
            if (withBaseline) {
                double before = median(results.get(function.label() + "|before (baseline jar)").stream().map(Run::cold).toList());
                double now = median(results.get(function.label() + "|on-demand").stream().map(Run::cold).toList());
                if (function.budget()) {
                    budget.add(String.format("%s: on-demand cold start %.0f ms vs %.0f ms before (%+.0f%%)",
                            function.label(), now, before, 100 * (now - before) / before));
                }
            }
        }
        System.out.printf("%nMedians over %d fresh JVMs per row; warm = %d repeats of the same event in each JVM after "
                + "the first; stand-in latency %d ms per request; %d requests served; JVM flags %s; no request reached "
                + "the stand-ins during any init.%n", runs, warmRepeats, latencyMs, REQUESTS.get(),
                String.join(" ", LAMBDA_JVM_FLAGS));
        System.out.printf("%nBudgets:%n%n");
        budget.forEach(line -> System.out.printf("- %s%n", line));
    }

    /** A benchmark of failing calls measures nothing: the first response must be a success. */
    private static void requireSuccess(String label, String response) {
        boolean failed = response.contains("\"itemIdentifier\"") || response.contains("errorMessage")
                || response.contains("\"Error\"") || response.contains("\"Success\":false")
                || response.contains("\"FAILED\"") || response.contains("\"success\":\"false\"");
        if (failed) {
            throw new IllegalStateException(label + " answered with a failure: " + response);
        }
    }

    private static HttpServer standIns(String privateKeyPem, int latencyMs) throws IOException {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("bench-scrt-jwt-auth-private-key", privateKeyPem);
        parameters.put("bench-salesforce-rest-api-auth-private-key", privateKeyPem);
        parameters.put("bench-salesforce-rest-api-auth-consumer-key", "3MVG9bench");
        parameters.put("bench-salesforce-rest-api-access-token", "00Dbench!token");
        parameters.put("bench-salesforce-rest-api-subject", "bench@example.invalid");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            sleep(latencyMs);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String path = exchange.getRequestURI().getPath();
            if ("AmazonSSM.GetParameter".equals(target)) {
                String name = body.replaceAll(".*\"Name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                if (parameters.containsKey(name)) {
                    respond(exchange, 200, "{\"Parameter\":{\"Name\":\"" + name + "\",\"Type\":\"SecureString\","
                            + "\"Value\":" + jsonString(parameters.get(name)) + ",\"Version\":1}}");
                } else {
                    respond(exchange, 400, "{\"__type\":\"ParameterNotFound\",\"message\":\"" + name + "\"}");
                }
            } else if ("AmazonSSM.PutParameter".equals(target)) {
                respond(exchange, 200, "{\"Version\":1,\"Tier\":\"Standard\"}");
            } else if (target != null) {
                respond(exchange, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + target + "\"}");
            } else if (path.endsWith("/invocations")) {
                boolean async = "Event".equals(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
                respond(exchange, async ? 202 : 200, async ? "" : "{\"voiceCallId\":\"0LQbench\"}");
            } else if (path.startsWith("/telephony/v1/voiceCalls")) {
                respond(exchange, 200, "{\"voiceCallId\":\"0LQbench\"}");
            } else if (path.startsWith("/services/data/v60.0/query")) {
                respond(exchange, 200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":"
                        + "\"Contact\",\"url\":\"/x\"},\"Id\":\"0035e00000ABCDeAAF\",\"Name\":\"Ada Lovelace\","
                        + "\"Account\":{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\"}}]}");
            } else if (path.startsWith("/cfn-response/")) {
                respond(exchange, 200, "");
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
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new HashMap<>(a);
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

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
