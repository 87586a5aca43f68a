package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.scrt.ScrtClient;
import dev.scvcdk.lambdas.common.scrt.ScrtException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Posts final results to SCRT as voice-call messages, one call's worth at a time: {@link #forCall} keeps what one
 * invocation delivered, what it could not, and whether Connect was told about SCRT's rate limit.
 *
 * <p>Each segment is {@code POST /voiceCalls/{voiceCallId}/messages} with exactly {@code participantId, messageId,
 * startTime, endTime, content, senderType}; the {@link ScrtClient}'s HTTP client retries 429, 5xx and I/O failures
 * a bounded number of times with the same body (the same messageId), and never re-sends after a 2xx.
 */
public final class MessagePoster {
    private final ScrtClient scrt;
    private final ContactAttributes connect;
    private final StructuredLogger log;

    public MessagePoster(ScrtClient scrt, ContactAttributes connect, StructuredLogger log) {
        this.scrt = Objects.requireNonNull(scrt, "scrt");
        this.connect = Objects.requireNonNull(connect, "connect");
        this.log = Objects.requireNonNull(log, "log");
    }

    public Call forCall(TranscriptionRequest request) {
        return new Call(request);
    }

    /** The message body of {@code segment}: times are epoch milliseconds, rounded as SCV rounds them. */
    static Map<String, Object> body(TranscriptionRequest request, Direction direction, TranscriptSegment segment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("participantId", request.participantId(direction));
        body.put("messageId", segment.resultId());
        body.put("startTime", epochMillis(request.audioStartTimestamp(), segment.startTime()));
        body.put("endTime", epochMillis(request.audioStartTimestamp(), segment.endTime()));
        body.put("content", segment.transcript());
        body.put("senderType", direction.senderType());
        return body;
    }

    /** {@code round(audioStartTimestamp + seconds × 1000)}; the start is whole milliseconds, so round the offset. */
    static long epochMillis(long audioStartTimestamp, double seconds) {
        return audioStartTimestamp + Math.round(seconds * 1000.0);
    }

    /** A segment SCRT has not accepted, and why. */
    public record Undelivered(Direction direction, TranscriptSegment segment, String reason) {
    }

    /** One invocation's deliveries. Thread-safe: each direction posts from its own thread. */
    public final class Call {
        private final TranscriptionRequest request;
        private final List<Undelivered> undelivered = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private boolean connectTold;
        private int delivered;

        private Call(TranscriptionRequest request) {
            this.request = request;
        }

        /** Posts one segment; a failure is kept for {@link #redeliver()} and the outcome, never dropped. */
        public void post(Direction direction, TranscriptSegment segment) {
            String contactId = request.voiceCallId();
            try {
                scrt.sendMessage(contactId, body(request, direction, segment));
                synchronized (this) {
                    delivered++;
                }
            } catch (ScrtException e) {
                log.error("SCRT did not accept a transcript segment", contactId, Map.of("messageId",
                        segment.resultId(), "direction", direction.name(), "status", e.status()), e);
                synchronized (this) {
                    undelivered.add(new Undelivered(direction, segment, e.getMessage()));
                }
                if (e.status() == 429) {
                    rateLimited();
                }
            }
        }

        /** Posts every undelivered segment once more, in the order they failed; what fails again stays. */
        public void redeliver() {
            List<Undelivered> again;
            synchronized (this) {
                again = List.copyOf(undelivered);
                undelivered.clear();
            }
            for (Undelivered item : again) {
                post(item.direction(), item.segment());
            }
        }

        private void rateLimited() {
            synchronized (this) {
                if (connectTold) {
                    return;
                }
                connectTold = true;
            }
            if (request.instanceId() == null) {
                problem("SCRT rate-limited messages, and Connect could not be told: the payload has no instanceARN");
                return;
            }
            try {
                connect.markRateLimited(request.instanceId(), request.voiceCallId());
                log.warn("SCRT rate-limited messages; contact attribute set", request.voiceCallId(),
                        Map.of(ContactAttributes.STATUS_ATTRIBUTE, ContactAttributes.RATE_LIMITED));
            } catch (AwsApiException e) {
                log.error("Connect UpdateContactAttributes failed", request.voiceCallId(), Map.of(), e);
                problem("SCRT rate-limited messages, and " + e.getMessage());
            }
        }

        private synchronized void problem(String text) {
            problems.add(text);
        }

        public synchronized List<Undelivered> undelivered() {
            return List.copyOf(undelivered);
        }

        public synchronized List<String> problems() {
            return List.copyOf(problems);
        }

        public synchronized int delivered() {
            return delivered;
        }
    }
}
