package dev.scvcdk.lambdas.kvstranscriber;

import dev.scvcdk.lambdas.common.media.kvs.AudioTrack;

/**
 * One audio direction of a contact's Kinesis Video stream, with the Kinesis Video track that carries it and how
 * SCRT labels what was said in it.
 */
public enum Direction {
    /** The caller: track {@code AUDIO_FROM_CUSTOMER} (a lone legacy {@code Track_audio/L16} track is this one). */
    FROM_CUSTOMER(AudioTrack.FROM_CUSTOMER, "END_USER"),
    /** The agent or prompts: track {@code AUDIO_TO_CUSTOMER}. */
    TO_CUSTOMER(AudioTrack.TO_CUSTOMER, "VIRTUAL_AGENT");

    private final AudioTrack track;
    private final String senderType;

    Direction(AudioTrack track, String senderType) {
        this.track = track;
        this.senderType = senderType;
    }

    /** The direction whose audio {@code track} carries. */
    public static Direction of(AudioTrack track) {
        for (Direction direction : values()) {
            if (direction.track == track) {
                return direction;
            }
        }
        throw new IllegalArgumentException("no direction for track " + track);
    }

    /** The MKV track name in Connect's live-media stream. */
    public String trackName() {
        return track.trackName();
    }

    /** SCRT's {@code senderType} for messages transcribed from this direction. */
    public String senderType() {
        return senderType;
    }
}
