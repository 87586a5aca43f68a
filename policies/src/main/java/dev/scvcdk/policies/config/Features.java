package dev.scvcdk.policies.config;

/**
 * Optional parts of a contact center.
 *
 * @param realtimeTranscription deploy kvsConsumerTrigger (live-media transcription), which starts SCV's
 *                              {@code <cc>-kvsTranscriber} (alias {@code active}, deployed separately);
 *                              {@code null} means false
 * @param contactEvents         deploy HandleContactEvents and its EventBridge rule; {@code null} means true
 */
public record Features(Boolean realtimeTranscription, Boolean contactEvents) {

    public static Features defaults() {
        return new Features(false, true);
    }

    public boolean realtimeTranscriptionEnabled() {
        return realtimeTranscription != null && realtimeTranscription;
    }

    public boolean contactEventsEnabled() {
        return contactEvents == null || contactEvents;
    }
}
