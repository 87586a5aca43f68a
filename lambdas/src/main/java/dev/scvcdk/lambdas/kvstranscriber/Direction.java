package dev.scvcdk.lambdas.kvstranscriber;

/**
 * One audio direction of a contact's Kinesis Video stream, with the Kinesis Video track that carries it and how
 * SCRT labels what was said in it.
 */
public enum Direction {
    /** The caller: track {@code AUDIO_FROM_CUSTOMER} (a lone legacy {@code Track_audio/L16} track is this one). */
    FROM_CUSTOMER("AUDIO_FROM_CUSTOMER", "END_USER"),
    /** The agent or prompts: track {@code AUDIO_TO_CUSTOMER}. */
    TO_CUSTOMER("AUDIO_TO_CUSTOMER", "VIRTUAL_AGENT");

    private final String trackName;
    private final String senderType;

    Direction(String trackName, String senderType) {
        this.trackName = trackName;
        this.senderType = senderType;
    }

    /** The MKV track name in Connect's live-media stream. */
    public String trackName() {
        return trackName;
    }

    /** SCRT's {@code senderType} for messages transcribed from this direction. */
    public String senderType() {
        return senderType;
    }
}
