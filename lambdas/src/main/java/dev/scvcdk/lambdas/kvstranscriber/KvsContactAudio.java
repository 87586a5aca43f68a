package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.media.kvs.KvsFragment;
import dev.scvcdk.lambdas.common.media.kvs.KvsFrame;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaClient;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaEvent;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaException;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaReader;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ContactAudio} over Kinesis Video: one GetMedia from the request's start selector, the contact's frames
 * per direction until the stream ends, a fragment says {@code STOP_STREAMING}, or a fragment of another contact
 * begins. The reader hands over a fragment's tags before its frames, so a fragment that ends the audio sends none.
 */
public final class KvsContactAudio implements ContactAudio {
    private final KvsMediaClient media;

    public KvsContactAudio(KvsMediaClient media) {
        this.media = Objects.requireNonNull(media, "media");
    }

    @Override
    public void stream(AudioRequest request, FrameSink sink) throws ContactAudioException {
        Set<Direction> open = EnumSet.copyOf(request.directions());
        try (KvsMediaReader reader = media.getMedia(request.streamName(), request.startSelector())) {
            Optional<KvsMediaEvent> next;
            while (!open.isEmpty() && (next = reader.next()).isPresent()) {
                if (next.get() instanceof KvsFragment fragment) {
                    endOf(fragment, request.contactId()).ifPresent(reason -> endAll(open, sink, reason));
                } else if (next.get() instanceof KvsFrame frame) {
                    frame.track().map(Direction::of).filter(open::contains)
                            .ifPresent(direction -> sink.frame(direction, frame.data()));
                }
            }
            endAll(open, sink, AudioEnd.END_OF_STREAM);
        } catch (KvsMediaException | AwsApiException | IllegalArgumentException e) {
            throw new ContactAudioException("cannot read the audio of contact " + request.contactId() + " from "
                    + request.streamArn() + ": " + e.getMessage(), e);
        }
    }

    /** Whether this fragment ends the contact's audio, and why. */
    static Optional<AudioEnd> endOf(KvsFragment fragment, String contactId) {
        if (fragment.stopStreaming()) {
            return Optional.of(AudioEnd.STOP_STREAMING);
        }
        return fragment.contactId().filter(other -> !other.equals(contactId)).map(other -> AudioEnd.OTHER_CONTACT);
    }

    private static void endAll(Set<Direction> open, FrameSink sink, AudioEnd reason) {
        for (Direction direction : open) {
            sink.end(direction, reason);
        }
        open.clear();
    }
}
