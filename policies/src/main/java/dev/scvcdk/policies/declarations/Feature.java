package dev.scvcdk.policies.declarations;

import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.Features;

/** The tenant-config feature a function is deployed under. */
public enum Feature {
    /** Always deployed. */
    ALWAYS,
    /** {@code features.contactEvents}. */
    CONTACT_EVENTS,
    /** {@code features.realtimeTranscription}. */
    REALTIME_TRANSCRIPTION,
    /** {@code features.contactLens}. */
    CONTACT_LENS,
    /** {@code features.postCallAnalysis}. */
    POST_CALL_ANALYSIS,
    /** {@code features.realtimeAlerts}. */
    REALTIME_ALERTS,
    /** {@code features.transcriptBackfill}. */
    TRANSCRIPT_BACKFILL,
    /** {@code features.voicemail}. */
    VOICEMAIL;

    public boolean enabledIn(ContactCenterConfig cc) {
        Features features = cc.featuresOrDefaults();
        return switch (this) {
            case ALWAYS -> true;
            case CONTACT_EVENTS -> features.contactEventsEnabled();
            case REALTIME_TRANSCRIPTION -> features.realtimeTranscriptionEnabled();
            case CONTACT_LENS -> features.contactLensEnabled();
            case POST_CALL_ANALYSIS -> features.postCallAnalysisEnabled();
            case REALTIME_ALERTS -> features.realtimeAlertsEnabled();
            case TRANSCRIPT_BACKFILL -> features.transcriptBackfillEnabled();
            case VOICEMAIL -> features.voicemailEnabled();
        };
    }
}
