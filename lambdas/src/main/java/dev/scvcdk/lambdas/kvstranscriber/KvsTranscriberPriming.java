package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.http.Sleeper;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.keys.AwsSecureValueReader;
import dev.scvcdk.lambdas.common.keys.CachingSecureValueReader;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.transcribestreaming.TranscribeStreamingAsyncClient;
import software.amazon.awssdk.services.transcribestreaming.model.Alternative;
import software.amazon.awssdk.services.transcribestreaming.model.Result;

/**
 * Runs kvsTranscriber's call path during init, inside the process: a representative payload is validated, both
 * directions' audio comes from an in-memory priming source, the SDK's standard and medical session requests are built
 * and its result model is read, the SCRT key is read from an in-process SSM stand-in, every segment is posted as a
 * signed-JWT message through the function's own HTTP client to a loopback SCRT stand-in, and the Connect attribute
 * update is sent once to the same stand-in. Then standard and medical streaming sessions run through a Transcribe
 * client built as the function's, against an in-process HTTP/2 responder ({@link PrimingTranscribeResponder}).
 *
 * <p>Not primed: the function's own Transcribe client's connection (it connects on the first session; a pooled
 * connection would be dead after a restore anyway) and the Kinesis Video reader behind {@link ContactAudio}.
 */
final class KvsTranscriberPriming {

    /** Rounds through the call path: enough for the JIT to compile signing, JSON and posting. */
    static final int ROUNDS = 100;

    private static final String CONTACT_ID = "c0000000-0000-4000-8000-00000000beef";
    private static final String PAYLOAD = """
            {"streamARN":"%s","startFragmentNum":"91343852333181432392682062607743920146264440123",
             "audioStartTimestamp":"1763719200000","customerPhoneNumber":"+14155550100","voiceCallId":"%s",
             "languageCode":"en-US","streamAudioFromCustomer":true,"streamAudioToCustomer":true,"instanceARN":"%s",
             "engine":"standard","vocabularyName":"priming","vocabularyFilterName":"priming",
             "vocabularyFilterMethod":"mask"}""".formatted(
            Priming.arn("kinesisvideo", "stream/priming/1763719200000"), CONTACT_ID,
            Priming.arn("connect", "instance/00000000-0000-4000-8000-000000000000"));
    private static final int FRAMES_PER_DIRECTION = 3;
    /** Streaming sessions per engine: each is a whole connection's worth of work; a few compile the path. */
    static final int STREAMING_ROUNDS = 10;
    private static final Duration STREAMING_TIMEOUT = Duration.ofSeconds(10);

    private KvsTranscriberPriming() {
    }

    /**
     * @param config   the function's configuration, with SCRT replaced by the loopback stand-in
     * @param http     the SCRT HTTP client (its pool is dropped before the snapshot)
     * @param ids      the function's id source (re-seeded after every restore)
         */
    static void prime(ScrtConfig config, RetryingHttpClient http, RandomIds ids, String selector, int rounds) {
        String key = Priming.throwawayRsaKeyPem();
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(
                Map.of(config.privateKeyName(), key), "{}",
                request -> request.path().startsWith("/telephony/v1/voiceCalls/")
                        || request.path().equals("/contact/attributes")
                        ? Response.json(200, "{}")
                        : PrimingStandIns.notFound(request)))) {
            SsmApi ssm = new SsmApi(AwsApiClient.forPriming(AwsService.SSM, loopback.uri()));
            SecretsManagerApi secrets = new SecretsManagerApi(
                    AwsApiClient.forPriming(AwsService.SECRETS_MANAGER, loopback.uri()));
            ScrtConfig primingConfig = new ScrtConfig(config.orgId(), config.callCenterApiName(),
                    URI.create(loopback.uri() + "/telephony/v1"), config.privateKeyName());
            ContactAttributes connect = new ContactAttributes(AwsApiClient.forPriming(AwsService.CONNECT,
                    loopback.uri()));
            TranscriptionRequest request = TranscriptionRequest.parse(Json.read(PAYLOAD));
            connect.markRateLimited("00000000-0000-4000-8000-000000000000", CONTACT_ID);
            for (int round = 0; round < rounds; round++) {
                CachingSecureValueReader reader = new CachingSecureValueReader(
                        new AwsSecureValueReader(() -> ssm, () -> secrets), KvsTranscriberWiring.KEY_CACHE_TTL,
                        Clock.systemUTC());
                KvsTranscriberHandler handler = new KvsTranscriberHandler(KvsTranscriberWiring.service(primingConfig,
                        new PrivateKeyProvider(reader, config.privateKeyName()), ids, http, KvsTranscriberPriming::audio,
                        KvsTranscriberPriming::session, connect, selector, Sleeper.SYSTEM, Priming.silentLogger("KvsTranscriberService")));
                Priming.invoke(handler, PAYLOAD, "\"Success\"");
            }
            primeStreaming(request, TranscriptionRequest.parse(Json.read(
                    PAYLOAD.replace("\"standard\"", "\"medical\""))), ids, Math.min(rounds, STREAMING_ROUNDS));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the priming payload is not JSON", e);
        }
    }

    /**
     * Standard and medical sessions through a client built as the function's is, to an in-process HTTP/2 responder:
     * Netty's HTTP/2 pipeline, the event-stream signer and the SDK's result unmarshalling load and compile here.
     *
     * @throws IllegalStateException when a session does not end with the responder's result
     */
    private static void primeStreaming(TranscriptionRequest standard, TranscriptionRequest medical, RandomIds ids,
                                       int rounds) {
        try (PrimingTranscribeResponder responder = PrimingTranscribeResponder.start();
             TranscribeStreamingAsyncClient client = TranscribeStreamingTranscriber.primingClient(responder.uri())) {
            Transcriber streaming = new TranscribeStreamingTranscriber(client, ids);
            for (int round = 0; round < rounds; round++) {
                for (TranscriptionRequest request : List.of(standard, medical)) {
                    List<TranscriptSegment> segments = new CopyOnWriteArrayList<>();
                    Transcriber.Session session = streaming.start(request, Direction.FROM_CUSTOMER, segments::add);
                    for (int frame = 0; frame < FRAMES_PER_DIRECTION; frame++) {
                        session.send(new byte[320]);
                    }
                    session.finish();
                    session.done().get(STREAMING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    if (segments.size() != 1 || !PrimingTranscribeResponder.TRANSCRIPT.equals(
                            segments.get(0).transcript())) {
                        throw new IllegalStateException("priming session answered " + segments);
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("priming Transcribe streaming session failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while priming Transcribe streaming", e);
        }
    }

    /** Both directions' audio: a few frames each, then the end of the stream. */
    private static void audio(AudioRequest request, ContactAudio.FrameSink sink) {
        for (int frame = 0; frame < FRAMES_PER_DIRECTION; frame++) {
            for (Direction direction : request.directions()) {
                sink.frame(direction, ("priming audio " + frame).getBytes(StandardCharsets.UTF_8));
            }
        }
        request.directions().forEach(direction -> sink.end(direction, ContactAudio.AudioEnd.END_OF_STREAM));
    }

    /** A session that answers each frame with one final result, read through the SDK's result model. */
    private static Transcriber.Session session(TranscriptionRequest request, Direction direction,
                                               Consumer<TranscriptSegment> finals) {
        AtomicInteger results = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        return new Transcriber.Session() {
            @Override
            public void send(byte[] pcm) {
                int number = results.incrementAndGet();
                TranscribeStreamingTranscriber.standardFinals(List.of(
                        Result.builder().resultId(direction + "-" + number).isPartial(true).startTime(0.0).endTime(0.1)
                                .alternatives(Alternative.builder().transcript("priming").build()).build(),
                        Result.builder().resultId(direction + "-" + number).isPartial(false).startTime(0.0)
                                .endTime(0.1 * number).alternatives(Alternative.builder()
                                        .transcript(new String(pcm, StandardCharsets.UTF_8)).build()).build()),
                        finals);
            }

            @Override
            public void finish() {
                done.complete(null);
            }

            @Override
            public CompletableFuture<Void> done() {
                return done;
            }
        };
    }
}
