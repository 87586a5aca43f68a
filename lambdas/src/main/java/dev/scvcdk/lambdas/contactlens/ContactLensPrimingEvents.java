package dev.scvcdk.lambdas.contactlens;

import dev.scvcdk.lambdas.common.snapstart.Priming;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A representative Contact Lens stream batch (utterances of both roles, a matched category) for priming. */
final class ContactLensPrimingEvents {

    private static final String SEGMENTS_RECORD = """
            {"Version":"1.0.0","Channel":"VOICE","AccountId":"111122223333",
             "InstanceId":"00000000-0000-4000-8000-000000000000","ContactId":"c0000000-0000-4000-8000-%012d",
             "LanguageCode":"en-US","EventType":"SEGMENTS","Segments":[
             {"Utterance":{"ParticipantId":"AGENT","ParticipantRole":"AGENT","PartialContent":"Thank you for calling.",
              "BeginOffsetMillis":1000,"EndOffsetMillis":2500,"Id":"u0000000-0000-4000-8000-%012d",
              "TranscriptId":"t0000000-0000-4000-8000-%012d","IssuesDetected":[]}},
             {"Utterance":{"ParticipantId":"CUSTOMER","ParticipantRole":"CUSTOMER",
              "PartialContent":"I would like to check my balance.","BeginOffsetMillis":2600,"EndOffsetMillis":4100,
              "Id":"v0000000-0000-4000-8000-%012d","TranscriptId":"w0000000-0000-4000-8000-%012d"}},
             {"Categories":{"MatchedCategories":["Balance"],"MatchedDetails":{"Balance":{"PointsOfInterest":
              [{"BeginOffsetMillis":2600,"EndOffsetMillis":4100}]}}}}]}""";

    /** As many records as the stream's batch (and one processor invocation) holds. */
    static final int RECORDS = ContactLensConsumerService.MAX_RECORDS_PER_INVOKE;

    private ContactLensPrimingEvents() {
    }

    /** A Kinesis event of {@link #RECORDS} SEGMENTS records, one contact each. */
    static String kinesisBatch() {
        StringBuilder event = new StringBuilder("{\"Records\":[");
        for (int i = 1; i <= RECORDS; i++) {
            String data = Base64.getEncoder().encodeToString(
                    SEGMENTS_RECORD.formatted(i, i, i, i, i).getBytes(StandardCharsets.UTF_8));
            event.append(i > 1 ? "," : "").append("{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",")
                    .append("\"partitionKey\":\"c0000000-0000-4000-8000-00000000000").append(i).append("\",")
                    .append("\"sequenceNumber\":\"4959033827149025660855969253836157109592157598913658").append(i)
                    .append("\",\"data\":\"").append(data).append("\",\"approximateArrivalTimestamp\":1763719205.123},")
                    .append("\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\",\"eventName\":\"aws:kinesis:record\",")
                    .append("\"eventSourceARN\":").append(Priming.jsonString(
                            Priming.arn("kinesis", "stream/priming-ContactLensStream"))).append("}");
        }
        return event.append("]}").toString();
    }
}
