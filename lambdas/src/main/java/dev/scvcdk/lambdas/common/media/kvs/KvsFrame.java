package dev.scvcdk.lambdas.common.media.kvs;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * One frame (Matroska SimpleBlock; Connect writes no BlockGroups) of the fragment delivered last. Amazon Connect's frames are 16-bit
 * little-endian PCM, 8000 Hz, mono.
 *
 * @param fragmentNumber the fragment it belongs to
 * @param trackName      its track's name ({@code AUDIO_FROM_CUSTOMER}, {@code AUDIO_TO_CUSTOMER}, …; empty when
 *                       the track has none)
 * @param track          its direction, when the track is one of Connect's audio tracks
 * @param data           the frame's payload
 */
public record KvsFrame(BigInteger fragmentNumber, String trackName, Optional<AudioTrack> track, byte[] data)
        implements KvsMediaEvent {
    public KvsFrame {
        Objects.requireNonNull(fragmentNumber, "fragmentNumber");
        Objects.requireNonNull(trackName, "trackName");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(data, "data");
    }

    /** True when the frame is from track {@code wanted}. */
    public boolean isFrom(AudioTrack wanted) {
        return track.filter(wanted::equals).isPresent();
    }
}
