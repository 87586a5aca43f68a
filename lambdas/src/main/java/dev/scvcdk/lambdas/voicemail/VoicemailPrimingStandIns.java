package dev.scvcdk.lambdas.voicemail;

import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Request;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import java.util.Map;
import java.util.function.Function;

/**
 * Canned answers, in the services' own shapes, to the voicemail jobs' calls — S3 GetObjectTagging (XML) and
 * GetObject, Transcribe batch (JSON 1.1), Lambda invocations — for the loopback responder their priming talks to.
 */
final class VoicemailPrimingStandIns {
    static final String BUCKET = "scv-priming-bucket";
    static final String CONTACT_ID = "c0000000-0000-4000-8000-00000000beef";

    private static final String TAGGING = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet>
            <Tag><Key>vm_lang</Key><Value>en-US</Value></Tag>
            <Tag><Key>vm_dialedNumber</Key><Value>+18005550199</Value></Tag>
            <Tag><Key>vm_initTimestamp</Key><Value>2026-11-21T10:00:00Z</Value></Tag>
            <Tag><Key>vm_endTimestamp</Key><Value>2026-11-21T10:01:05Z</Value></Tag>
            <Tag><Key>vm_duration</Key><Value>41</Value></Tag>
            <Tag><Key>vm_recordingUrl</Key><Value>%s/voicemail_recordings/%s.wav</Value></Tag>
            </TagSet></Tagging>""".formatted(BUCKET, CONTACT_ID);

    private static final String TRANSCRIPT = """
            {"jobName":"%s","accountId":"111122223333","status":"COMPLETED","results":{"transcripts":
             [{"transcript":"Hi, this is a priming voicemail. Please call me back."}],"items":[]}}"""
            .formatted(CONTACT_ID);

    private static final Map<String, String> TRANSCRIBE = Map.of(
            "Transcribe.StartTranscriptionJob", """
                    {"TranscriptionJob":{"TranscriptionJobName":"%s","TranscriptionJobStatus":"IN_PROGRESS",
                     "LanguageCode":"en-US","MediaFormat":"wav"}}""".formatted(CONTACT_ID),
            "Transcribe.DeleteTranscriptionJob", "");

    private VoicemailPrimingStandIns() {
    }

    /** Every Lambda invocation is answered {@code invocationAnswer}. */
    static Function<Request, Response> answers(String invocationAnswer) {
        Function<Request, Response> others = PrimingStandIns.aws(Map.of(), invocationAnswer,
                VoicemailPrimingStandIns::s3);
        return request -> {
            String target = request.header("X-Amz-Target");
            if (target != null && TRANSCRIBE.containsKey(target)) {
                return Response.json(200, TRANSCRIBE.get(target));
            }
            return others.apply(request);
        };
    }

    private static Response s3(Request request) {
        String path = request.path();
        if (!"GET".equals(request.method()) || !path.startsWith("/" + BUCKET + "/")) {
            return PrimingStandIns.notFound(request);
        }
        return path.contains("?tagging") ? new Response(200, TAGGING) : new Response(200, TRANSCRIPT);
    }
}
