package dev.scvcdk.policies.declarations;

import dev.scvcdk.policies.config.ContactCenterConfig;

/** The tenant-config feature a function is deployed under. */
public enum Feature {
    /** Always deployed. */
    ALWAYS,
    /** {@code features.contactEvents}. */
    CONTACT_EVENTS,
    /** {@code features.realtimeTranscription}. */
    REALTIME_TRANSCRIPTION;

    public boolean enabledIn(ContactCenterConfig cc) {
        return switch (this) {
            case ALWAYS -> true;
            case CONTACT_EVENTS -> cc.featuresOrDefaults().contactEventsEnabled();
            case REALTIME_TRANSCRIPTION -> cc.featuresOrDefaults().realtimeTranscriptionEnabled();
        };
    }
}
