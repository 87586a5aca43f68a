package dev.scvcdk.lambdas.common.media.kvs;

import java.util.Optional;

/**
 * The two audio directions Amazon Connect streams to Kinesis Video, one Matroska track each, told apart by the
 * track's name. Older streams carried only the caller, in a single track named {@value #LEGACY_TRACK_NAME}.
 */
public enum AudioTrack {
    /** Track {@code AUDIO_FROM_CUSTOMER}: what the caller says. */
    FROM_CUSTOMER("AUDIO_FROM_CUSTOMER"),
    /** Track {@code AUDIO_TO_CUSTOMER}: what the caller hears (agent, prompts). */
    TO_CUSTOMER("AUDIO_TO_CUSTOMER");

    /** The one track of a legacy stream: the caller. */
    public static final String LEGACY_TRACK_NAME = "Track_audio/L16";

    private final String trackName;

    AudioTrack(String trackName) {
        this.trackName = trackName;
    }

    public String trackName() {
        return trackName;
    }

    /**
     * The direction of track {@code name} in a fragment of {@code trackCount} tracks: by name, and the legacy
     * track only when it is the fragment's only track; empty for any other track.
     */
    public static Optional<AudioTrack> of(String name, int trackCount) {
        for (AudioTrack track : values()) {
            if (track.trackName.equals(name)) {
                return Optional.of(track);
            }
        }
        return LEGACY_TRACK_NAME.equals(name) && trackCount == 1 ? Optional.of(FROM_CUSTOMER) : Optional.empty();
    }
}
