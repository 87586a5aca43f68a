package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.testsupport.TranscribeStreamingStub;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An in-memory {@link ContactAudio}: plays a script of frames (fake audio the Transcribe stand-in "recognises"),
 * direction ends and read failures, in order, and records each request it was given.
 */
final class FakeContactAudio implements ContactAudio {
    /** Bytes per fake frame: 0.1 s of 8 kHz s16le audio. */
    static final int FRAME_BYTES = 1600;

    private sealed interface Step permits Frame, End, Failure {
    }

    private record Frame(Direction direction, String text) implements Step {
    }

    private record End(Direction direction, AudioEnd reason) implements Step {
    }

    private record Failure(String message) implements Step {
    }

    private final List<Step> script = new ArrayList<>();
    private final List<AudioRequest> requests = Collections.synchronizedList(new ArrayList<>());

    FakeContactAudio frame(Direction direction, String text) {
        script.add(new Frame(direction, text));
        return this;
    }

    FakeContactAudio end(Direction direction, AudioEnd reason) {
        script.add(new End(direction, reason));
        return this;
    }

    /** Both directions end with the stream. */
    FakeContactAudio endOfStream() {
        return end(Direction.FROM_CUSTOMER, AudioEnd.END_OF_STREAM).end(Direction.TO_CUSTOMER, AudioEnd.END_OF_STREAM);
    }

    /** The read fails here (GetMedia refused or the MKV broken). */
    FakeContactAudio failure(String message) {
        script.add(new Failure(message));
        return this;
    }

    List<AudioRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void stream(AudioRequest request, FrameSink sink) throws ContactAudioException {
        requests.add(request);
        for (Step step : script) {
            if (step instanceof Frame frame && request.directions().contains(frame.direction())) {
                sink.frame(frame.direction(), TranscribeStreamingStub.frame(frame.text(), FRAME_BYTES));
            } else if (step instanceof End end && request.directions().contains(end.direction())) {
                sink.end(end.direction(), end.reason());
            } else if (step instanceof Failure failure) {
                throw new ContactAudioException(failure.message(), null);
            }
        }
    }
}
