package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.media.kvs.StartSelector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.http.Sleeper;
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
import software.amazon.awssdk.services.transcribestreaming.model.BadRequestException;
import software.amazon.awssdk.services.transcribestreaming.model.ConflictException;

/**
 * kvsTranscriber: transcribes a contact's live audio into SCRT voice-call messages.
 *
 * <ol>
 *   <li>The payload is validated before anything is read ({@link TranscriptionRequest#parse}).</li>
 *   <li>The contact's audio is read through {@link ContactAudio}; each direction's first frame opens that direction's
 *       transcription session, and every frame goes to it.</li>
 *   <li>Each final result is handed to the direction's own posting thread as it arrives, so SCRT receives a track's
 *       messages in order while the session's thread never waits on SCRT.</li>
 *   <li>A session that fails with a retryable error is replaced, and the audio it had not yet transcribed is
 *       replayed into the new one (see {@link Track}).</li>
 *   <li>When the audio has ended, the sessions finish, the posting threads drain, undelivered segments are posted
 *       once more; then a failed read, a failed session or a segment still undelivered fails the invocation.</li>
 * </ol>
 */
public final class KvsTranscriberService {
    /** Transcribe sends its last results seconds after the end of the audio; this bounds a session that never ends. */
    static final Duration SESSION_END_TIMEOUT = Duration.ofMinutes(2);
    /** Each post is bounded by the SCRT client's retry budget; this bounds the queue behind them. */
    static final Duration POSTING_DRAIN_TIMEOUT = Duration.ofMinutes(5);
    /** SCV's: 3 new sessions, 100 ms apart. */
    static final int SESSION_RESTARTS = 3;
    static final Duration RESTART_DELAY = Duration.ofMillis(100);
    /** s16le mono at 8000 Hz. */
    static final int BYTES_PER_SECOND = 16_000;

    private final ContactAudio audio;
    private final Transcriber transcriber;
    private final MessagePoster poster;
    private final String startSelectorType;
    private final Sleeper sleeper;
    private final StructuredLogger log;

    /** @param startSelectorType {@link StartSelector#FRAGMENT_NUMBER} or {@link StartSelector#NOW} */
    public KvsTranscriberService(ContactAudio audio, Transcriber transcriber, MessagePoster poster,
                                 String startSelectorType, Sleeper sleeper, StructuredLogger log) {
        this.audio = Objects.requireNonNull(audio, "audio");
        this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
        this.poster = Objects.requireNonNull(poster, "poster");
        this.startSelectorType = Objects.requireNonNull(startSelectorType, "startSelectorType");
        if (!StartSelector.TYPES.contains(startSelectorType)) {
            throw new IllegalArgumentException("startSelectorType is '" + startSelectorType + "': must be one of "
                    + StartSelector.TYPES);
        }
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
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

    /**
     * One direction: its session, opened at its first frame, and the thread that posts its results in order.
     *
     * <p>The audio not yet covered by a final result is kept. When the session fails with a retryable error (anything
     * but BadRequest or Conflict: the same request would fail again), a new session is opened — up to
     * {@link #SESSION_RESTARTS} times, {@link #RESTART_DELAY} apart, as SCV does — and that audio is replayed into it
     * first, so nothing is lost between the last result and the failure; the new session's times start at zero, so
     * its results are shifted by where its audio starts in the direction's stream.
     */
    private final class Track {
        private final TranscriptionRequest request;
        private final Direction direction;
        private final MessagePoster.Call call;
        private final ExecutorService posting;
        /** Audio since the last final result's end: replayed into a restarted session. */
        private final java.util.ArrayDeque<byte[]> pending = new java.util.ArrayDeque<>();
        /** Byte offset, in this direction's audio, of the first byte of {@link #pending}. */
        private long pendingStart;
        private volatile Transcriber.Session session;
        private volatile ContactAudio.AudioEnd end;
        private boolean audioFinished;
        private int restarts;

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
            if (end != null || audioFinished) {
                return;
            }
            if (session == null) {
                session = open(0);
            } else {
                restartIfFailed();
            }
            synchronized (this) {
                pending.addLast(pcm);
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
            audioFinished = true;
            if (session != null) {
                session.finish();
            }
        }

        /** A session whose result times start at byte {@code base} of this direction's audio. */
        private Transcriber.Session open(long base) {
            double offsetSeconds = (double) base / BYTES_PER_SECOND;
            return transcriber.start(request, direction, segment -> {
                // Called on the session's thread: note what is covered, queue the post, never block.
                long coveredTo = base + evenBytes(segment.endTime());
                synchronized (this) {
                    while (!pending.isEmpty() && pendingStart < coveredTo) {
                        byte[] first = pending.removeFirst();
                        long covered = coveredTo - pendingStart;
                        if (covered < first.length) {
                            pending.addFirst(java.util.Arrays.copyOfRange(first, (int) covered, first.length));
                            pendingStart += covered;
                        } else {
                            pendingStart += first.length;
                        }
                    }
                }
                TranscriptSegment shifted = base == 0 ? segment : new TranscriptSegment(segment.resultId(),
                        segment.startTime() + offsetSeconds, segment.endTime() + offsetSeconds, segment.transcript());
                posting.execute(() -> call.post(direction, shifted));
            });
        }

        /**
         * Replaces a session that failed with a retryable error by a new one fed the uncovered audio.
         *
         * @return true when a new session was opened
         */
        private boolean restartIfFailed() {
            Transcriber.Session current = session;
            if (!current.done().isCompletedExceptionally() || restarts >= SESSION_RESTARTS) {
                return false;
            }
            Throwable failure = failure(current);
            if (!retryable(failure)) {
                return false;
            }
            restarts++;
            log.warn("transcription session failed; restarting it with the audio since its last result",
                    request.voiceCallId(), Map.of("direction", direction.name(), "restart", restarts,
                            "problem", failure.getClass().getSimpleName() + ": " + failure.getMessage()));
            try {
                sleeper.sleep(RESTART_DELAY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            List<byte[]> replay;
            long base;
            synchronized (this) {
                replay = List.copyOf(pending);
                base = pendingStart;
            }
            Transcriber.Session next = open(base);
            session = next;
            replay.forEach(next::send);
            if (audioFinished) {
                next.finish();
            }
            return true;
        }

        void awaitSession(List<String> failures) {
            if (session == null) {
                return;
            }
            while (true) {
                try {
                    session.done().get(SESSION_END_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (restartIfFailed()) {
                        continue;
                    }
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    log.error("transcription session failed", request.voiceCallId(),
                            Map.of("direction", direction.name(), "restarts", restarts), cause);
                    failures.add("the " + direction.trackName() + " transcription session failed"
                            + (restarts == 0 ? "" : " (after " + restarts + " restarts)") + ": "
                            + cause.getClass().getSimpleName() + ": " + cause.getMessage());
                    return;
                } catch (TimeoutException e) {
                    failures.add("the " + direction.trackName() + " transcription session did not end within "
                            + SESSION_END_TIMEOUT.toSeconds() + " s of the end of its audio");
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add("interrupted while waiting for the " + direction.trackName() + " session");
                    return;
                } catch (java.util.concurrent.CancellationException e) {
                    failures.add("the " + direction.trackName() + " transcription session was cancelled");
                    return;
                }
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

    private static Throwable failure(Transcriber.Session session) {
        try {
            session.done().getNow(null);
            return new IllegalStateException("not failed");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    /** Not for a request Transcribe refused as such (SCV does not retry these either): it would be refused again. */
    static boolean retryable(Throwable failure) {
        return !(failure instanceof BadRequestException || failure instanceof ConflictException
                || failure instanceof java.util.concurrent.CancellationException);
    }

    /** Whole 16-bit samples in {@code seconds} of 8 kHz audio. */
    private static long evenBytes(double seconds) {
        return Math.round(seconds * BYTES_PER_SECOND) & ~1L;
    }
}
