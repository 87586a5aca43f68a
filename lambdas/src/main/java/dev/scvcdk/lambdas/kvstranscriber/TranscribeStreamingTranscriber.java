package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transcribestreaming.TranscribeStreamingAsyncClient;
import software.amazon.awssdk.services.transcribestreaming.TranscribeStreamingAsyncClientBuilder;
import software.amazon.awssdk.services.transcribestreaming.model.AudioEvent;
import software.amazon.awssdk.services.transcribestreaming.model.AudioStream;
import software.amazon.awssdk.services.transcribestreaming.model.MedicalResult;
import software.amazon.awssdk.services.transcribestreaming.model.MediaEncoding;
import software.amazon.awssdk.services.transcribestreaming.model.Result;
import software.amazon.awssdk.services.transcribestreaming.model.StartMedicalStreamTranscriptionRequest;
import software.amazon.awssdk.services.transcribestreaming.model.StartMedicalStreamTranscriptionResponseHandler;
import software.amazon.awssdk.services.transcribestreaming.model.StartStreamTranscriptionRequest;
import software.amazon.awssdk.services.transcribestreaming.model.StartStreamTranscriptionResponseHandler;
import software.amazon.awssdk.services.transcribestreaming.model.Type;
import software.amazon.awssdk.utils.async.SimplePublisher;

/**
 * Sessions on Amazon Transcribe streaming through the SDK's {@link TranscribeStreamingAsyncClient} on its Netty
 * client: HTTP/2 (by prior knowledge to an {@code http://} endpoint, as local stand-ins are), AWS event-stream
 * framing, every audio frame signed, an empty signed frame after the last. Standard sessions
 * ({@code POST /stream-transcription}) send language, {@code pcm}, 8000 Hz, a random session id, the vocabulary and
 * the filter with its method; medical ones ({@code POST /medical-stream-transcription}) language, {@code pcm},
 * 8000 Hz, specialty, type {@code CONVERSATION} and the vocabulary — nothing else, as SCV.
 *
 * <p>The SDK does not retry a failed session (its retry would re-subscribe to audio already sent): the caller opens a
 * new one and replays what was not transcribed ({@link KvsTranscriberService}).
 */
public final class TranscribeStreamingTranscriber implements Transcriber {
    static final int SAMPLE_RATE_HERTZ = 8000;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Transcribe answers every few seconds while audio flows; a minute of nothing is a dead connection. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final TranscribeStreamingAsyncClient client;
    private final RandomIds sessionIds;

    public TranscribeStreamingTranscriber(TranscribeStreamingAsyncClient client, RandomIds sessionIds) {
        this.client = Objects.requireNonNull(client, "client");
        this.sessionIds = Objects.requireNonNull(sessionIds, "sessionIds");
    }

    /**
     * The client, built once per container: {@code region}, the container's shared renewable credentials, and the
     * endpoint from the SDK's chain ({@code AWS_ENDPOINT_URL_TRANSCRIBE_STREAMING} /
     * {@code aws.endpointUrlTranscribeStreaming}, else the region's).
     */
    public static TranscribeStreamingAsyncClient client(String region) {
        return builder().region(Region.of(region)).credentialsProvider(AwsApiClient.sharedCredentials()).build();
    }

    /**
     * A client for priming, built as {@link #client} is, calling {@code endpoint} (an in-process responder) with
     * throwaway session credentials. Closed after priming: its event loop and connections do not reach a snapshot.
     */
    static TranscribeStreamingAsyncClient primingClient(URI endpoint) {
        return builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAPRIMING",
                        "priming-only", "priming-session-token")))
                .build();
    }

    private static TranscribeStreamingAsyncClientBuilder builder() {
        return TranscribeStreamingAsyncClient.builder()
                // The SDK would retry a failed session by re-subscribing to the audio publisher, which allows one
                // subscriber (and whose audio is gone): sessions are restarted by the caller, with the audio replayed.
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .protocol(Protocol.HTTP2)
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .readTimeout(READ_TIMEOUT)
                        .writeTimeout(WRITE_TIMEOUT));
    }

    @Override
    public Session start(TranscriptionRequest request, Direction direction, Consumer<TranscriptSegment> finals) {
        SimplePublisher<AudioStream> audio = new SimplePublisher<>();
        CompletableFuture<Void> call;
        if (request.medical()) {
            call = client.startMedicalStreamTranscription(medicalRequest(request), audio,
                    StartMedicalStreamTranscriptionResponseHandler.builder()
                            .subscriber(StartMedicalStreamTranscriptionResponseHandler.Visitor.builder()
                                    .onMedicalTranscriptEvent(event -> medicalFinals(event.transcript().results(), finals))
                                    .build())
                            .build());
        } else {
            call = client.startStreamTranscription(standardRequest(request), audio,
                    StartStreamTranscriptionResponseHandler.builder()
                            .subscriber(StartStreamTranscriptionResponseHandler.Visitor.builder()
                                    .onTranscriptEvent(event -> standardFinals(event.transcript().results(), finals))
                                    .build())
                            .build());
        }
        return new SdkSession(audio, call);
    }

    StartStreamTranscriptionRequest standardRequest(TranscriptionRequest request) {
        return StartStreamTranscriptionRequest.builder()
                .languageCode(request.languageCode())
                .mediaEncoding(MediaEncoding.PCM)
                .mediaSampleRateHertz(SAMPLE_RATE_HERTZ)
                .sessionId(sessionIds.next().toString())
                .vocabularyName(request.vocabularyName())
                .vocabularyFilterName(request.vocabularyFilterName())
                .vocabularyFilterMethod(request.vocabularyFilterMethod())
                .build();
    }

    static StartMedicalStreamTranscriptionRequest medicalRequest(TranscriptionRequest request) {
        return StartMedicalStreamTranscriptionRequest.builder()
                .languageCode(request.languageCode())
                .mediaEncoding(MediaEncoding.PCM)
                .mediaSampleRateHertz(SAMPLE_RATE_HERTZ)
                .specialty(request.specialty())
                .type(Type.CONVERSATION)
                .vocabularyName(request.vocabularyName())
                .build();
    }

    /** Every final result of the event with a transcript — not only the first (SCV reads {@code Results[0]}). */
    static void standardFinals(List<Result> results, Consumer<TranscriptSegment> finals) {
        for (Result result : results) {
            if (!Boolean.TRUE.equals(result.isPartial()) && result.hasAlternatives() && !result.alternatives().isEmpty()) {
                emit(result.resultId(), result.startTime(), result.endTime(),
                        result.alternatives().get(0).transcript(), finals);
            }
        }
    }

    static void medicalFinals(List<MedicalResult> results, Consumer<TranscriptSegment> finals) {
        for (MedicalResult result : results) {
            if (!Boolean.TRUE.equals(result.isPartial()) && result.hasAlternatives() && !result.alternatives().isEmpty()) {
                emit(result.resultId(), result.startTime(), result.endTime(),
                        result.alternatives().get(0).transcript(), finals);
            }
        }
    }

    private static void emit(String resultId, Double start, Double end, String transcript,
                             Consumer<TranscriptSegment> finals) {
        if (transcript != null && !transcript.isBlank() && resultId != null) {
            finals.accept(new TranscriptSegment(resultId, start == null ? 0 : start, end == null ? 0 : end,
                    transcript));
        }
    }

    /** The audio publisher of one call, and the call. */
    private static final class SdkSession implements Session {
        private final SimplePublisher<AudioStream> audio;
        private final CompletableFuture<Void> call;
        private final AtomicBoolean finished = new AtomicBoolean();

        SdkSession(SimplePublisher<AudioStream> audio, CompletableFuture<Void> call) {
            this.audio = audio;
            this.call = call;
        }

        @Override
        public void send(byte[] pcm) {
            if (call.isDone() || finished.get()) {
                return;
            }
            CompletableFuture<Void> sent = audio.send(AudioEvent.builder()
                    .audioChunk(SdkBytes.fromByteArrayUnsafe(pcm)).build());
            try {
                // Waits for the SDK's demand: the reader goes no faster than the session takes audio.
                CompletableFuture.anyOf(sent, call).join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                // The session is over; done() reports why.
            }
        }

        @Override
        public void finish() {
            if (finished.compareAndSet(false, true)) {
                audio.complete();
            }
        }

        @Override
        public CompletableFuture<Void> done() {
            return call;
        }
    }
}
