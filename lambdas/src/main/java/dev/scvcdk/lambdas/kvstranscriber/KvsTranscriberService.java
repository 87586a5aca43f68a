package dev.scvcdk.lambdas.kvstranscriber;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * kvsTranscriber: transcribes a contact's live audio into SCRT voice-call messages.
 *
 * <ol>
 *   <li>The payload is validated before anything is read ({@link TranscriptionRequest#parse}).</li>
 *   <li>The contact's audio is read through {@link ContactAudio}; each direction's first frame opens that direction's
 *       transcription session, and every frame goes to it.</li>
 *   <li>Each final result is handed to the direction's own posting thread as it arrives, so SCRT receives a track's
 *       messages in order while the session's thread never waits on SCRT.</li>
 *   <li>When the audio has ended, the sessions finish, the posting threads drain, undelivered segments are posted
 *       once more; then a failed read, a failed session or a segment still undelivered fails the invocation.</li>
 * </ol>
 */
public final class KvsTranscriberService {
    /** Transcribe sends its last results seconds after the end of the audio; this bounds a session that never ends. */
    static final Duration SESSION_END_TIMEOUT = Duration.ofMinutes(2);
    /** Each post is bounded by the SCRT client's retry budget; this bounds the queue behind them. */
    static final Duration POSTING_DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private final ContactAudio audio;
    private final Transcriber transcriber;
    private final MessagePoster poster;
    private final String startSelectorType;
    private final StructuredLogger log;

    /** @param startSelectorType {@link StartSelector#FRAGMENT_NUMBER} or {@link StartSelector#NOW} */
    public KvsTranscriberService(ContactAudio audio, Transcriber transcriber, MessagePoster poster,
                                 String startSelectorType, StructuredLogger log) {
        this.audio = Objects.requireNonNull(audio, "audio");
        this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
        this.poster = Objects.requireNonNull(poster, "poster");
        this.startSelectorType = Objects.requireNonNull(startSelectorType, "startSelectorType");
        if (!StartSelector.TYPES.contains(startSelectorType)) {
            throw new IllegalArgumentException("startSelectorType is '" + startSelectorType + "': must be one of "
                    + StartSelector.TYPES);
        }
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @return {@code {"result":"Success"}} once every final result of every enabled direction is in SCRT
     * @throws IllegalArgumentException     for an invalid payload (nothing was read)
     * @throws TranscriptionFailedException after the stream, when anything was not transcribed or delivered
     */
    public Map<String, Object> handle(JsonNode payload) {
        TranscriptionRequest request = TranscriptionRequest.parse(payload);
        StartSelector selector = request.startSelector(startSelectorType);
        String contactId = request.voiceCallId();
        if (request.directions().isEmpty()) {
            log.info("both directions are disabled: nothing to transcribe", contactId, Map.of());
            return success();
        }
        log.info("transcription starting", contactId, Map.of("directions", request.directions().toString(),
                "engine", request.medical() ? "medical" : "standard", "languageCode", request.languageCode(),
                "startSelector", selector.type()));
        MessagePoster.Call call = poster.forCall(request);
        Map<Direction, Track> tracks = new EnumMap<>(Direction.class);
        for (Direction direction : request.directions()) {
            tracks.put(direction, new Track(request, direction, call));
        }
        List<String> failures = new ArrayList<>();
        try {
            audio.stream(new AudioRequest(request.streamArn(), selector, contactId, request.directions()),
                    new ContactAudio.FrameSink() {
                        @Override
                        public void frame(Direction direction, byte[] pcm) {
                            Track track = tracks.get(direction);
                            if (track != null) {
                                track.frame(pcm);
                            }
                        }

                        @Override
                        public void end(Direction direction, ContactAudio.AudioEnd reason) {
                            Track track = tracks.get(direction);
                            if (track != null) {
                                track.end(reason);
                            }
                        }
                    });
        } catch (ContactAudioException | RuntimeException e) {
            log.error("reading the contact's audio failed", contactId, Map.of(), e);
            failures.add("reading the contact's audio failed: " + e.getMessage());
        } finally {
            tracks.values().forEach(Track::finishAudio);
        }
        for (Track track : tracks.values()) {
            track.awaitSession(failures);
        }
        for (Track track : tracks.values()) {
            track.drain(failures);
        }
        call.redeliver();
        failures.addAll(call.problems());
        List<MessagePoster.Undelivered> undelivered = call.undelivered();
        if (!undelivered.isEmpty()) {
            failures.add(undelivered.size() + " transcript segment(s) not delivered to SCRT (messageIds "
                    + undelivered.stream().map(item -> item.segment().resultId()).toList() + "): "
                    + undelivered.get(undelivered.size() - 1).reason());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("delivered", call.delivered());
        tracks.forEach((direction, track) -> summary.put(direction.name(), String.valueOf(track.end)));
        if (!failures.isEmpty()) {
            summary.put("failures", failures);
            log.error("transcription failed", contactId, summary, null);
            throw new TranscriptionFailedException("kvsTranscriber for contact " + contactId + ": "
                    + String.join("; ", failures));
        }
        log.info("transcription finished", contactId, summary);
        return success();
    }

    private static Map<String, Object> success() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("result", "Success");
        return result;
    }

    /** One direction: its session, opened at its first frame, and the thread that posts its results in order. */
    private final class Track implements Consumer<TranscriptSegment> {
        private final TranscriptionRequest request;
        private final Direction direction;
        private final MessagePoster.Call call;
        private final ExecutorService posting;
        private volatile Transcriber.Session session;
        private volatile ContactAudio.AudioEnd end;

        Track(TranscriptionRequest request, Direction direction, MessagePoster.Call call) {
            this.request = request;
            this.direction = direction;
            this.call = call;
            this.posting = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "scrt-" + direction.name().toLowerCase(java.util.Locale.ROOT));
                thread.setDaemon(true);
                return thread;
            });
        }

        void frame(byte[] pcm) {
            if (end != null) {
                return;
            }
            if (session == null) {
                session = transcriber.start(request, direction, this);
            }
            session.send(pcm);
        }

        void end(ContactAudio.AudioEnd reason) {
            if (end == null) {
                end = reason;
                log.info("audio ended", request.voiceCallId(), Map.of("direction", direction.name(),
                        "reason", reason.name()));
            }
            finishAudio();
        }

        void finishAudio() {
            if (session != null) {
                session.finish();
            }
        }

        /** Called on the session's thread: queue, never block it. */
        @Override
        public void accept(TranscriptSegment segment) {
            posting.execute(() -> call.post(direction, segment));
        }

        void awaitSession(List<String> failures) {
            if (session == null) {
                return;
            }
            try {
                session.done().get(SESSION_END_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log.error("transcription session failed", request.voiceCallId(),
                        Map.of("direction", direction.name()), cause);
                failures.add("the " + direction.trackName() + " transcription session failed: "
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            } catch (TimeoutException e) {
                failures.add("the " + direction.trackName() + " transcription session did not end within "
                        + SESSION_END_TIMEOUT.toSeconds() + " s of the end of its audio");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("interrupted while waiting for the " + direction.trackName() + " session");
            } catch (java.util.concurrent.CancellationException e) {
                failures.add("the " + direction.trackName() + " transcription session was cancelled");
            }
        }

        void drain(List<String> failures) {
            posting.shutdown();
            try {
                if (!posting.awaitTermination(POSTING_DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    failures.add("posting the " + direction.trackName() + " segments to SCRT did not finish within "
                            + POSTING_DRAIN_TIMEOUT.toMinutes() + " min");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("interrupted while posting the " + direction.trackName() + " segments");
            }
        }
    }
}
