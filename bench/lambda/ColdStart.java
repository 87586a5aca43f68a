import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scvcdk.contracts.Handler;
import dev.scvcdk.lambdas.testsupport.KvsMkvWriter;
import dev.scvcdk.lambdas.testsupport.TranscribeStreamingStub;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarFile;

/**
 * First-invocation and warm time of every SCV handler, each from the jar it deploys in ({@link Handler#jar()}),
 * side by side: on-demand init (nothing extra), SnapStart init (priming, then the restore hooks as SnapStart runs
 * them around the snapshot), and — when a baseline jar is given — the on-demand cold start of that jar for the
 * handlers it has, all against loopback stand-ins that answer after a fixed latency: SSM, Lambda, SCRT, Salesforce,
 * the CloudFormation response URL, S3 (path-style GetObject, GetObjectTagging, ListObjectsV2, PutObject), Connect
 * DescribeContact, Transcribe batch jobs, Kinesis Video GetDataEndpoint and GetMedia, and — without the added
 * latency — Transcribe streaming (HTTP/2 event stream, the tests' {@code TranscribeStreamingStub}). Each run of each
 * (handler, init type, jar) is a fresh JVM, the runs interleaved so every row sees the same machine noise.
 * usage: ColdStart <scv-lambdas.jar> <scv-lambdas-media.jar> <bench classes dir> <runs> <warm repeats> <latency ms>
 *        <work dir> [<baseline jar>]
 * For a focused run, -Dbench.only=<part of a function label> and -Dbench.variants="before on-demand snap-start".
 */
public final class ColdStart {
    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "us-west-2";
    // Lambda's Java runtimes start the JVM with C1 only; measure what production runs.
    private static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    /** The tenant bucket of the media functions' events (Contact Lens analyses, voicemail recordings, transcripts). */
    private static final String TENANT_BUCKET = "acmecc-123456789012";
    private static final String VOICEMAIL_BUCKET = "acmecc-123456789012-tenant";
    private static final String CONNECT_INSTANCE = "11111111-2222-4333-8444-555555555555";
    /** The voicemail (Kinesis Video fragments {@link #VOICEMAIL_FIRST}..{@link #VOICEMAIL_LAST}, then one more). */
    private static final int VOICEMAIL_FIRST = 11;
    private static final int VOICEMAIL_FRAGMENTS = 10;
    private static final int VOICEMAIL_LAST = VOICEMAIL_FIRST + VOICEMAIL_FRAGMENTS - 1;
    private static final int FRAGMENT_SECONDS = 2;
    private static final int FRAME_MS = 100;
    /** kvsTranscriber's call: fragments from the event's startFragmentNum, both directions, then STOP_STREAMING. */
    private static final String CALL_STREAM = "cc-contact-5ca32fbd";
    private static final String CALL_CONTACT = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";
    private static final int CALL_FIRST = 123;
    private static final int CALL_FRAGMENTS = 10;

    private static final AtomicLong REQUESTS = new AtomicLong();
    private static TranscribeStreamingStub transcribeStreaming;

    /** Requests served so far: HTTP/1.1 requests, and Transcribe streaming sessions. */
    private static long requests() {
        return REQUESTS.get() + (transcribeStreaming == null ? 0 : transcribeStreaming.sessions().size());
    }

    /**
     * @param expect a text the first answer must contain (null: any answer that is not a failure) — an answer that
     *               skipped the work (a record not taken for a voicemail, an ignored object) would measure nothing
     */
    private record Function(String label, String handler, Path jar, Path event, Map<String, String> env,
                            boolean budget, String expect) {
    }

    private record Variant(String label, String initializationType, boolean baseline) {
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
        Path mediaJar = Path.of(args[1]);
        Path benchClasses = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        int warmRepeats = Integer.parseInt(args[4]);
        int latencyMs = Integer.parseInt(args[5]);
        Path work = Path.of(args[6]);
        Path baseline = args.length > 7 ? Path.of(args[7]) : null;
        Path here = Path.of(System.getProperty("bench.dir", "bench/lambda"));

        // The JDK server otherwise writes headers and body in two segments, and Nagle's algorithm with the
        // client's delayed ACK adds ~40 ms to every answer: an artefact of the stand-in, not of the handlers.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String privateKeyPem = rsaPrivateKeyPem();
        StandIns standIns = new StandIns(here, privateKeyPem, voicemailMedia(), callMedia());
        HttpServer server = standIns.start(latencyMs);
        transcribeStreaming = new TranscribeStreamingStub();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        standIns.base = base;
        try {
            Path ctrEvent = work.resolve("kinesis-ctr-100.json");
            Files.writeString(ctrEvent, kinesisEvent(Files.readString(here.resolve("ctr-inbound-template.json")), 100));
            Path customSsmEvent = work.resolve("customssm-create-literal.json");
            Files.writeString(customSsmEvent, Files.readString(here.resolve("customssm-create-literal.json"))
                    .replace("{{BASE}}", base));
            Path voicemailEvent = work.resolve("kinesis-ctr-voicemail.json");
            Files.writeString(voicemailEvent, kinesisEvent(List.of(Files.readString(here.resolve("ctr-voicemail-kvs.json"))
                    .replace(KvsMkvWriter.fragmentNumber(12), KvsMkvWriter.fragmentNumber(VOICEMAIL_LAST)))));

            Map<String, String> aws = new HashMap<>(Map.of(
                    "AWS_REGION", REGION,
                    "AWS_ACCESS_KEY_ID", "AKIDBENCHMARK",
                    "AWS_SECRET_ACCESS_KEY", "bench-secret",
                    // Lambda's credentials are always session credentials.
                    "AWS_SESSION_TOKEN", "bench-session-token",
                    "AWS_EC2_METADATA_DISABLED", "true",
                    "AWS_ENDPOINT_URL_SSM", base,
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", base,
                    "AWS_ENDPOINT_URL_LAMBDA", base,
                    "LOG_LEVEL", "ERROR"));
            // The media functions' services; GetMedia goes where GetDataEndpoint answers (the stand-in itself).
            aws.putAll(Map.of(
                    "AWS_ENDPOINT_URL_S3", base,
                    "AWS_ENDPOINT_URL_CONNECT", base,
                    "AWS_ENDPOINT_URL_TRANSCRIBE", base,
                    "AWS_ENDPOINT_URL_KINESIS_VIDEO", base));
            String telephonyArn = "arn:aws:lambda:" + REGION + ":" + ACCOUNT
                    + ":function:bench-InvokeTelephonyIntegrationApiFunction:active";
            String restApiArn = "arn:aws:lambda:" + REGION + ":" + ACCOUNT
                    + ":function:bench-InvokeSalesforceRestApiFunction:active";
            Map<String, String> scrt = Map.of(
                    "PRIVATE_KEY_PARAM_NAME", "bench-scrt-jwt-auth-private-key",
                    "SALESFORCE_ORG_ID", "00D5g000004BeNc",
                    "SCRT_ENDPOINT_BASE", base + "/telephony/v1",
                    "CALL_CENTER_API_NAME", "bench");
            List<Function> functions = new ArrayList<>(List.of(
                    function("InvokeTelephonyIntegrationApi (createVoiceCall)",
                            "dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler", jar,
                            here.resolve("telephony-create-voice-call.json"), merge(aws, scrt), true, null),
                    function("CTRDataSync (100 records)", "dev.scvcdk.lambdas.ctrsync.CtrDataSyncHandler", jar, ctrEvent,
                            merge(aws, Map.of("INVOKE_TELEPHONY_INTEGRATION_API_ARN", telephonyArn)), true, null),
                    function("InvokeSalesforceRestApi (queryRecord)",
                            "dev.scvcdk.lambdas.restapi.InvokeSalesforceRestApiHandler", jar,
                            here.resolve("restapi-query-record.json"), merge(aws, Map.of(
                                    "PRIVATE_KEY_PARAM_NAME", "bench-salesforce-rest-api-auth-private-key",
                                    "CONSUMER_KEY_PARAM_NAME", "bench-salesforce-rest-api-auth-consumer-key",
                                    "ACCESS_TOKEN_PARAM_NAME", "bench-salesforce-rest-api-access-token",
                                    "AUDIENCE", "bench-salesforce-rest-api-audience",
                                    "SUBJECT", "bench-salesforce-rest-api-subject",
                                    "SALESFORCE_REST_API_ENDPOINT_BASE", base + "/services/data/v60.0",
                                    "SALESFORCE_AUTH_ENDPOINT", base + "/services/oauth2/token",
                                    "CALL_CENTER_API_NAME", "bench")), false, null),
                    function("HandleContactEvents (DISCONNECTED)",
                            "dev.scvcdk.lambdas.contactevents.HandleContactEventsHandler", jar,
                            here.resolve("contact-event-disconnected.json"),
                            merge(aws, Map.of("INVOKE_TELEPHONY_INTEGRATION_API_ARN", telephonyArn)), false, null),
                    function("kvsConsumerTrigger", "dev.scvcdk.lambdas.kvstrigger.KvsConsumerTriggerHandler", jar,
                            here.resolve("kvs-trigger.json"), merge(aws, Map.of("INVOKE_KVS_TRANSCRIBER_ARN",
                                    "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:bench-kvsTranscriber:active")),
                            false, null),
                    function("AuthKeysSSMUtil (CreateSSMParameter)",
                            "dev.scvcdk.lambdas.authkeys.AuthKeysSsmUtilHandler", jar,
                            here.resolve("authkeys-create-ssm-parameter.json"),
                            merge(aws, Map.of("CALL_CENTER_API_NAME", "bench")), false, null),
                    function("AuthKeysSSMUtil (GeneratePrivatePublicKeyPair)",
                            "dev.scvcdk.lambdas.authkeys.AuthKeysSsmUtilHandler", jar,
                            here.resolve("authkeys-generate-key-pair.json"),
                            merge(aws, Map.of("CALL_CENTER_API_NAME", "bench")), false, null),
                    function("CustomSSM (Create, Literal)", "dev.scvcdk.lambdas.customssm.CustomSsmHandler", jar,
                            customSsmEvent, aws, false, null),
                    // The functions of issues 9 and 10.
                    function("ContactLensConsumer (5 records)",
                            "dev.scvcdk.lambdas.contactlens.ContactLensConsumerHandler", jar,
                            here.resolve("contactlens-kinesis-batch.json"), merge(aws, Map.of(
                                    "CONTACT_LENS_PROCESSOR_FUNCTION_ARN", "arn:aws:lambda:" + REGION + ":" + ACCOUNT
                                            + ":function:bench-ContactLensProcessorFunction:active")), true,
                            "{\"batchItemFailures\":[]}"),
                    function("ContactLensProcessor (5 records: 2 categories, 4 utterances)",
                            "dev.scvcdk.lambdas.contactlens.ContactLensProcessorHandler", jar,
                            here.resolve("contactlens-kinesis-batch.json"), merge(aws, scrt), true,
                            "\"categoryCalls\":2,\"transcriptRequests\":1,\"messages\":4,\"rejectedCalls\":0"),
                    function("RealtimeAlert (SNS alarm)", "dev.scvcdk.lambdas.realtimealert.RealtimeAlertHandler", jar,
                            here.resolve("realtimealert-sns-alarm.json"),
                            merge(aws, Map.of("INVOKE_SALESFORCE_REST_API_ARN", restApiArn)), true, "null"),
                    function("PostCallAnalysisTrigger (analysis object created)",
                            "dev.scvcdk.lambdas.postcall.PostCallAnalysisTriggerHandler", mediaJar,
                            here.resolve("postcall-object-created.json"), merge(aws, scrt), true,
                            "{\"result\":\"Success\"}"),
                    function("ContactDataSync (uploadTranscript, 1 contact)",
                            "dev.scvcdk.lambdas.contactdatasync.ContactDataSyncHandler", mediaJar,
                            here.resolve("contactdatasync-upload-transcript.json"), merge(aws, Map.of(
                                    "CONNECT_INSTANCE_ID", CONNECT_INSTANCE,
                                    "INVOKE_SALESFORCE_REST_API_ARN", restApiArn,
                                    "TENANT_BUCKET_NAME", TENANT_BUCKET)), true, "conversationBulkUploadsResults"),
                    function("VoiceMailAudioProcessing (1 voicemail, " + VOICEMAIL_FRAGMENTS * FRAGMENT_SECONDS + " s)",
                            "dev.scvcdk.lambdas.voicemail.VoiceMailAudioProcessingHandler", mediaJar, voicemailEvent,
                            merge(aws, Map.of("s3_recordings_bucket", VOICEMAIL_BUCKET)), true,
                            "{\"batchItemFailures\":[]}"),
                    function("VoiceMailTranscribe (recording created)",
                            "dev.scvcdk.lambdas.voicemail.VoiceMailTranscribeHandler", mediaJar,
                            here.resolve("voicemail-recording-created.json"), aws, true, "\"outcome\":\"STARTED\""),
                    // SCV's 60 s routing delay would be most of the time measured: none here.
                    function("VoiceMailPackaging (transcript created, no routing delay)",
                            "dev.scvcdk.lambdas.voicemail.VoiceMailPackagingHandler", mediaJar,
                            here.resolve("voicemail-transcript-created.json"), merge(aws, Map.of(
                                    "invoke_telephony_integration_api_arn", telephonyArn,
                                    "delay_before_routing_vm_sec", "0")), true, "\"routingAttempts\":1"),
                    function("kvsTranscriber (" + CALL_FRAGMENTS * FRAGMENT_SECONDS + " s call, both directions)",
                            "dev.scvcdk.lambdas.kvstranscriber.KvsTranscriberHandler", mediaJar,
                            here.resolve("kvs-transcriber.json"), merge(merge(aws, scrt), Map.of(
                                    "AWS_ENDPOINT_URL_TRANSCRIBE_STREAMING", transcribeStreaming.endpoint())), true,
                            "{\"result\":\"Success\"}")));

            String only = System.getProperty("bench.only");
            if (only != null) {
                functions = functions.stream().filter(f -> f.label().contains(only)).toList();
            }
            List<Variant> variants = new ArrayList<>();
            if (baseline != null) {
                variants.add(new Variant("before (baseline jar)", "on-demand", true));
            }
            variants.add(new Variant("on-demand", "on-demand", false));
            variants.add(new Variant("snap-start", "snap-start", false));
            String variantFilter = System.getProperty("bench.variants");
            if (variantFilter != null) {
                variants.removeIf(v -> !variantFilter.contains(v.label().split(" ")[0]));
            }

            Map<String, List<Run>> results = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (Function function : functions) {
                    for (Variant variant : variants) {
                        Path variantJar = variant.baseline() ? baseline : function.jar();
                        if (variant.baseline() && !hasClass(baseline, function.handler())) {
                            continue;   // a handler the baseline commit did not have: no "before" row
                        }
                        results.computeIfAbsent(function.label() + "|" + variant.label(), k -> new ArrayList<>())
                                .add(runOnce(function, variant, variantJar, benchClasses, warmRepeats));
                    }
                }
            }
            report(functions, variants, results, runs, warmRepeats, latencyMs);
        } finally {
            server.stop(0);
            transcribeStreaming.close();
        }
    }

    /** A function of {@code handler}, which must be in the jar {@link Handler#jar()} names for it. */
    private static Function function(String label, String handler, Path jar, Path event, Map<String, String> env,
                                     boolean budget, String expect) {
        for (Handler known : Handler.values()) {
            if (known.className().equals(handler) && !known.jar().fileName().equals(jar.getFileName().toString())) {
                throw new IllegalArgumentException(handler + " deploys in " + known.jar().fileName() + ", not " + jar);
            }
        }
        return new Function(label, handler, jar, event, env, budget, expect);
    }

    private static boolean hasClass(Path jar, String className) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(className.replace('.', '/') + ".class") != null;
        }
    }

    private static Run runOnce(Function function, Variant variant, Path jar, Path benchClasses, int warmRepeats)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(List.of("-cp", jar + ":" + benchClasses, "Invoke", function.handler(),
                function.event().toString(), String.valueOf(warmRepeats)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(function.env());
        builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", variant.initializationType());
        long requestsBefore = requests();
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
                    afterInit = requests();
                    initRequests = afterInit - requestsBefore;
                } else if (line.startsWith("BENCH RESTORE ")) {
                    restore = Long.parseLong(parts[2]) / 1e3;
                } else if (line.startsWith("BENCH FIRST ")) {
                    cold = (System.nanoTime() - start) / 1e6;
                    afterFirst = requests();
                    first = Long.parseLong(parts[2]) / 1e3;
                    requireSuccess(function, parts.length > 3 ? parts[3] : "");
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
                warm.isEmpty() ? 0 : (requests() - afterFirst) / (double) warm.size());
    }

    private static void report(List<Function> functions, List<Variant> variants, Map<String, List<Run>> results,
            int runs, int warmRepeats, int latencyMs) {
        System.out.printf("| function (event) | jar | init type | init ms | restore hooks ms | first invoke ms "
                + "| warm median ms | first ÷ warm (median, max) | cold start ms (process start → first answer) "
                + "| stand-in requests: first, each warm |%n");
        System.out.printf("|---|---|---|---:|---:|---:|---:|---:|---:|---:|%n");
        List<String> budget = new ArrayList<>();
        for (Function function : functions) {
            for (Variant variant : variants) {
                List<Run> rs = results.get(function.label() + "|" + variant.label());
                if (rs == null) {
                    continue;
                }
                List<Double> ratios = rs.stream().map(r -> r.first() / r.warmMedian()).toList();
                System.out.printf("| %s | %s | %s | %.0f | %s | %.0f | %.1f | %.2f, %.2f | %.0f | %d, %.1f |%n",
                        function.label(), variant.baseline() ? "baseline" : jarLabel(function.jar()),
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
            List<Run> before = results.get(function.label() + "|before (baseline jar)");
            List<Run> onDemand = results.get(function.label() + "|on-demand");
            if (function.budget() && before != null && onDemand != null) {
                double was = median(before.stream().map(Run::cold).toList());
                double now = median(onDemand.stream().map(Run::cold).toList());
                budget.add(String.format("%s: on-demand cold start %.0f ms vs %.0f ms before (%+.0f%%)",
                        function.label(), now, was, 100 * (now - was) / was));
            }
        }
        System.out.printf("%nMedians over %d fresh JVMs per row; warm = %d repeats of the same event in each JVM after "
                + "the first; stand-in latency %d ms per request; %d requests served; JVM flags %s; no request reached "
                + "the stand-ins during any init.%n", runs, warmRepeats, latencyMs, requests(),
                String.join(" ", LAMBDA_JVM_FLAGS));
        System.out.printf("%nBudgets:%n%n");
        budget.forEach(line -> System.out.printf("- %s%n", line));
    }

    private static String jarLabel(Path jar) {
        return jar.getFileName().toString().contains("media") ? "media" : "shared";
    }

    /**
     * A benchmark of failing calls measures nothing: the first response must be a success, and contain what
     * shows the work was done when the function names it.
     */
    private static void requireSuccess(Function function, String response) {
        boolean failed = response.contains("\"itemIdentifier\"") || response.contains("errorMessage")
                || response.contains("\"Error\"") || response.contains("\"Success\":false")
                || response.contains("\"FAILED\"") || response.contains("\"success\":\"false\"")
                || function.expect() != null && !response.contains(function.expect());
        if (failed) {
            throw new IllegalStateException(function.label() + " answered with a failure"
                    + (function.expect() == null ? "" : " or without " + function.expect()) + ": " + response);
        }
    }

    /**
     * One loopback server for every service, answering each request after the fixed latency. S3 is addressed
     * path-style (the SDK does so for an IP endpoint): a request whose first path segment is a known bucket is S3's.
     */
    private static final class StandIns {
        private static final String REST_API_ANSWER =
                "{\"conversationBulkUploadsResults\":[{\"uploadId\":\"0Xy5e000000AbCd1AA\"}]}";
        private static final String RECORDING_TAGS = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet>
                <Tag><Key>vm_lang</Key><Value>es-US</Value></Tag>
                <Tag><Key>vm_dialedNumber</Key><Value>+18005550199</Value></Tag>
                <Tag><Key>vm_initTimestamp</Key><Value>2026-11-21T10:00:00Z</Value></Tag>
                <Tag><Key>vm_endTimestamp</Key><Value>2026-11-21T10:01:05Z</Value></Tag>
                <Tag><Key>vm_duration</Key><Value>20</Value></Tag>
                <Tag><Key>vm_recordingUrl</Key><Value>%s</Value></Tag>
                </TagSet></Tagging>""";

        private final Map<String, String> parameters = new HashMap<>();
        /** bucket → key → object */
        private final Map<String, TreeMap<String, byte[]>> buckets = new ConcurrentHashMap<>();
        /** "bucket/key" → GetObjectTagging answer */
        private final Map<String, String> tagging = new HashMap<>();
        /** "instance/contact" → DescribeContact's Contact */
        private final Map<String, String> contacts = new HashMap<>();
        private final byte[] voicemailMedia;
        private final byte[] callMedia;
        volatile String base;

        StandIns(Path here, String privateKeyPem, byte[] voicemailMedia, byte[] callMedia) throws IOException {
            this.voicemailMedia = voicemailMedia;
            this.callMedia = callMedia;
            parameters.put("bench-scrt-jwt-auth-private-key", privateKeyPem);
            parameters.put("bench-salesforce-rest-api-auth-private-key", privateKeyPem);
            parameters.put("bench-salesforce-rest-api-auth-consumer-key", "3MVG9bench");
            parameters.put("bench-salesforce-rest-api-access-token", "00Dbench!token");
            parameters.put("bench-salesforce-rest-api-subject", "bench@example.invalid");
            String contact = "c5b1e3a4-7d2f-4e8a-9b6c-0123456789ab";
            contacts.put(CONNECT_INSTANCE + "/" + contact, Files.readString(here.resolve("connect-describe-contact.json")));
            // The post-call analysis the PostCallAnalysisTrigger event names, and ContactDataSync's for the day
            // of the contact's InitiationTimestamp (2025-11-21 UTC).
            put(TENANT_BUCKET, "Analysis/Voice/2026/11/21/" + contact + "_analysis_2026-11-21T10:05:30Z.json",
                    Files.readAllBytes(here.resolve("postcall-analysis.json")));
            put(TENANT_BUCKET, "Analysis/Voice/2025/11/21/" + contact + "_analysis_2025-11-21T10:05:30Z.json",
                    Files.readAllBytes(here.resolve("contactdatasync-analysis.json")));
            String voicemail = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";
            String recording = "voicemail_recordings/" + voicemail + ".wav";
            put(VOICEMAIL_BUCKET, "voicemail_transcripts/" + voicemail + ".json",
                    Files.readAllBytes(here.resolve("voicemail-transcript.json")));
            tagging.put(VOICEMAIL_BUCKET + "/" + recording, RECORDING_TAGS.formatted(VOICEMAIL_BUCKET + "/" + recording));
        }

        private void put(String bucket, String key, byte[] object) {
            buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).put(key, object);
        }

        HttpServer start(int latencyMs) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(32, runnable -> {
                Thread thread = new Thread(runnable, "stand-in");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", exchange -> {
                REQUESTS.incrementAndGet();
                byte[] raw = exchange.getRequestBody().readAllBytes();
                sleep(latencyMs);
                answer(exchange, raw);
            });
            server.start();
            return server;
        }

        private void answer(HttpExchange exchange, byte[] raw) throws IOException {
            String body = new String(raw, StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String path = exchange.getRequestURI().getPath();
            String[] segments = path.split("/", 3);
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
            } else if ("Transcribe.StartTranscriptionJob".equals(target)) {
                String job = body.replaceAll(".*\"TranscriptionJobName\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                respond(exchange, 200, "{\"TranscriptionJob\":{\"TranscriptionJobName\":\"" + job + "\","
                        + "\"TranscriptionJobStatus\":\"IN_PROGRESS\",\"LanguageCode\":\"es-US\",\"MediaFormat\":\"wav\"}}");
            } else if ("Transcribe.DeleteTranscriptionJob".equals(target)) {
                respond(exchange, 200, "");
            } else if (target != null) {
                respond(exchange, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + target + "\"}");
            } else if (path.endsWith("/invocations")) {
                boolean async = "Event".equals(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
                respond(exchange, async ? 202 : 200, async ? "" : path.contains("InvokeSalesforceRestApi")
                        ? REST_API_ANSWER : "{\"voiceCallId\":\"0LQbench\"}");
            } else if (path.startsWith("/telephony/v1/voiceCalls")) {
                respond(exchange, 200, "{\"voiceCallId\":\"0LQbench\"}");
            } else if (path.startsWith("/services/data/v60.0/query")) {
                respond(exchange, 200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":"
                        + "\"Contact\",\"url\":\"/x\"},\"Id\":\"0035e00000ABCDeAAF\",\"Name\":\"Ada Lovelace\","
                        + "\"Account\":{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\"}}]}");
            } else if (path.startsWith("/cfn-response/")) {
                respond(exchange, 200, "");
            } else if (path.startsWith("/contacts/") && contacts.containsKey(path.substring("/contacts/".length()))) {
                respond(exchange, 200, "{\"Contact\":" + contacts.get(path.substring("/contacts/".length())) + "}");
            } else if (path.equals("/getDataEndpoint")) {
                respond(exchange, 200, "{\"DataEndpoint\":\"" + base + "\"}");
            } else if (path.equals("/getMedia")) {
                respond(exchange, 200, "video/webm", body.contains(CALL_STREAM) ? callMedia : voicemailMedia);
            } else if (segments.length > 1 && buckets.containsKey(segments[1])) {
                s3(exchange, segments[1], segments.length > 2 ? segments[2] : "", raw);
            } else {
                respond(exchange, 404, "{\"message\":\"no stand-in for " + path + "\"}");
            }
        }

        private void s3(HttpExchange exchange, String bucket, String key, byte[] raw) throws IOException {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            TreeMap<String, byte[]> objects = buckets.get(bucket);
            if ("PUT".equals(method) && !key.isEmpty()) {
                // The SDK streams the body aws-chunked (signed chunks, trailing checksum) over plain HTTP.
                String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
                String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                boolean chunked = sha != null && sha.startsWith("STREAMING-")
                        || encoding != null && encoding.contains("aws-chunked");
                byte[] object = chunked ? decodeChunked(raw) : raw;
                // The WAV of the whole voicemail's caller track: a 44-byte header, 16,000 bytes a second.
                int wavBytes = 44 + VOICEMAIL_FRAGMENTS * FRAGMENT_SECONDS * 16_000;
                if (object.length != wavBytes || !new String(object, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")) {
                    respondXml(exchange, 400, s3Error("InvalidArgument", "the bench expects the voicemail's "
                            + wavBytes + "-byte WAV at " + key + ", not " + object.length + " bytes"));
                    return;
                }
                exchange.getResponseHeaders().set("ETag", "\"bench\"");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            } else if (!"GET".equals(method)) {
                respondXml(exchange, 405, s3Error("MethodNotAllowed", method));
            } else if (key.isEmpty() && query.containsKey("list-type")) {
                respondXml(exchange, 200, list(bucket, objects, query));
            } else if (query.containsKey("tagging")) {
                String tags = tagging.get(bucket + "/" + key);
                respondXml(exchange, tags == null ? 404 : 200, tags == null ? s3Error("NoSuchKey", key) : tags);
            } else if (objects.containsKey(key)) {
                exchange.getResponseHeaders().set("ETag", "\"bench\"");
                respond(exchange, 200, "application/octet-stream", objects.get(key));
            } else {
                respondXml(exchange, 404, s3Error("NoSuchKey", key));
            }
        }

        private static String list(String bucket, TreeMap<String, byte[]> objects, Map<String, String> query) {
            String prefix = query.getOrDefault("prefix", "");
            boolean urlEncoded = "url".equals(query.get("encoding-type"));
            StringBuilder contents = new StringBuilder();
            int count = 0;
            for (Map.Entry<String, byte[]> object : objects.entrySet()) {
                if (object.getKey().startsWith(prefix)) {
                    count++;
                    contents.append("<Contents><Key>").append(xml(encode(object.getKey(), urlEncoded)))
                            .append("</Key><LastModified>2026-11-21T10:06:00.000Z</LastModified>")
                            .append("<ETag>&quot;bench&quot;</ETag><Size>").append(object.getValue().length)
                            .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
                }
            }
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/"
                    + "2006-03-01/\"><Name>" + bucket + "</Name><Prefix>" + xml(encode(prefix, urlEncoded))
                    + "</Prefix><KeyCount>" + count + "</KeyCount><MaxKeys>1000</MaxKeys>"
                    + (urlEncoded ? "<EncodingType>url</EncodingType>" : "") + "<IsTruncated>false</IsTruncated>"
                    + contents + "</ListBucketResult>";
        }

        private static String encode(String text, boolean urlEncoded) {
            return urlEncoded ? URLEncoder.encode(text, StandardCharsets.UTF_8) : text;
        }

        private static String xml(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }

        private static String s3Error(String code, String message) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                    + xml(message) + "</Message><RequestId>bench</RequestId></Error>";
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (raw == null || raw.isEmpty()) {
                return parameters;
            }
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return parameters;
        }

        /** The payload of an {@code aws-chunked} body: {@code <hex size>[;chunk-signature=…]\r\n<data>\r\n}… to the 0 chunk. */
        private static byte[] decodeChunked(byte[] raw) throws IOException {
            InputStream in = new ByteArrayInputStream(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(size));
                line(in);
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("aws-chunked body ends early");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }

    /**
     * What GetMedia sends for the voicemail of {@code ctr-voicemail-kvs.json} (stream tenant-connect-contact-7):
     * {@value #VOICEMAIL_FRAGMENTS} fragments of {@value #FRAGMENT_SECONDS} s, each with both tracks (caller and
     * prompt, 8 kHz 16-bit PCM) in {@value #FRAME_MS} ms frames, then the next contact's first fragment, where the
     * function stops reading. Written with the tests' {@code KvsMkvWriter}, in the shape Kinesis Video answers.
     */
    private static byte[] voicemailMedia() {
        KvsMkvWriter writer = new KvsMkvWriter();
        int samples = 8 * FRAME_MS;
        for (int fragment = VOICEMAIL_FIRST; fragment <= VOICEMAIL_LAST + 1; fragment++) {
            boolean next = fragment > VOICEMAIL_LAST;
            writer.fragment(KvsMkvWriter.fragmentNumber(fragment),
                    Map.of("ContactId", next ? "c0000000-0000-4000-8000-000000000006" : "c0000000-0000-4000-8000-000000000005"));
            for (int frame = 0; frame < FRAGMENT_SECONDS * 1000 / FRAME_MS; frame++) {
                writer.frame(1, KvsMkvWriter.pcm(samples, 1000 + frame)).frame(2, KvsMkvWriter.pcm(samples, frame % 3));
            }
        }
        return writer.toBytes();
    }

    /**
     * What GetMedia sends for kvsTranscriber's call: {@value #CALL_FRAGMENTS} fragments of {@value #FRAGMENT_SECONDS}
     * s, both tracks in {@value #FRAME_MS} ms frames, then a fragment tagged STOP_STREAMING. The frames are the
     * fake audio the Transcribe streaming stand-in recognises: per fragment and direction one utterance (a final
     * result, one SCRT message), the other frames SILENCE.
     */
    private static byte[] callMedia() {
        KvsMkvWriter writer = new KvsMkvWriter();
        int bytes = 16 * FRAME_MS;
        for (int fragment = 0; fragment <= CALL_FRAGMENTS; fragment++) {
            boolean stop = fragment == CALL_FRAGMENTS;
            writer.fragment(KvsMkvWriter.fragmentNumber(CALL_FIRST + fragment), stop
                    ? Map.of("ContactId", CALL_CONTACT, "STOP_STREAMING", "true") : Map.of("ContactId", CALL_CONTACT));
            for (int frame = 0; !stop && frame < FRAGMENT_SECONDS * 1000 / FRAME_MS; frame++) {
                writer.frame(1, TranscribeStreamingStub.frame(frame == 0 ? "caller sentence number " + fragment
                                : "SILENCE", bytes))
                        .frame(2, TranscribeStreamingStub.frame(frame == 1 ? "agent sentence number " + fragment
                                : "SILENCE", bytes));
            }
        }
        return writer.toBytes();
    }

    private static String kinesisEvent(List<String> ctrs) {
        StringBuilder event = new StringBuilder("{\"Records\":[");
        for (int i = 1; i <= ctrs.size(); i++) {
            appendRecord(event, i, ctrs.get(i - 1).replaceAll("(?s).*\"ContactId\"\\s*:\\s*\"([^\"]+)\".*", "$1"),
                    ctrs.get(i - 1));
        }
        return event.append("]}").toString();
    }

    private static void appendRecord(StringBuilder event, int i, String contactId, String ctr) {
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

    private static String kinesisEvent(String ctrTemplate, int records) {
        StringBuilder event = new StringBuilder("{\"Records\":[");
        for (int i = 1; i <= records; i++) {
            String contactId = String.format("c0000000-0000-4000-8000-%012d", i);
            appendRecord(event, i, contactId, ctrTemplate.replace("c0000000-0000-4000-8000-000000000001", contactId));
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
        respond(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respondXml(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("x-amz-request-id", "bench");
        respond(exchange, status, "application/xml", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
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
