package dev.scvcdk.policies.config;

/**
 * Optional parts of a contact center. Every flag but {@code contactEvents} is off unless set to {@code true}.
 *
 * @param realtimeTranscription deploy kvsConsumerTrigger and kvsTranscriber: live-media transcripts to SCRT
 * @param contactEvents         deploy HandleContactEvents and its EventBridge rule; {@code null} means true
 * @param contactLens           deploy the Contact Lens consumer (on the Contact Lens stream) and processor:
 *                              real-time transcripts and categories to SCRT
 * @param postCallAnalysis      deploy PostCallAnalysisTrigger (on Contact Lens output in the tenant bucket):
 *                              post-call sentiment to SCRT
 * @param realtimeAlerts        deploy RealtimeAlert, the {@code <cc>-RealtimeAlertTopic} and SCV's alarms on it:
 *                              alerts to Salesforce
 * @param transcriptBackfill    deploy ContactDataSync, invoked on demand to upload past transcripts
 * @param voicemail             deploy the three voicemail functions (CTR stream → WAV → Transcribe → VoiceCall)
 */
public record Features(Boolean realtimeTranscription, Boolean contactEvents, Boolean contactLens,
        Boolean postCallAnalysis, Boolean realtimeAlerts, Boolean transcriptBackfill, Boolean voicemail) {

    public static Features defaults() {
        return new Features(false, true, false, false, false, false, false);
    }

    public boolean realtimeTranscriptionEnabled() {
        return on(realtimeTranscription);
    }

    public boolean contactEventsEnabled() {
        return contactEvents == null || contactEvents;
    }

    public boolean contactLensEnabled() {
        return on(contactLens);
    }

    public boolean postCallAnalysisEnabled() {
        return on(postCallAnalysis);
    }

    public boolean realtimeAlertsEnabled() {
        return on(realtimeAlerts);
    }

    public boolean transcriptBackfillEnabled() {
        return on(transcriptBackfill);
    }

    public boolean voicemailEnabled() {
        return on(voicemail);
    }

    private static boolean on(Boolean flag) {
        return flag != null && flag;
    }
}
