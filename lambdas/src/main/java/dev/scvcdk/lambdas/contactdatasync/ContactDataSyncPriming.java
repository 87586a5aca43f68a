package dev.scvcdk.lambdas.contactdatasync;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.LambdaFunctionInvoker;
import dev.scvcdk.lambdas.common.connect.ConnectContacts;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.media.S3Objects;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs ContactDataSync's call path during init against one in-process loopback stand-in for Connect, S3 and
 * Lambda: an uploadTranscript request is validated, the contact described, a day's listing read over two pages
 * and two analysis files fetched through the SDK's S3 client (signing, path-style addressing, XML), the
 * conversation built and uploaded by a signed invocation; a fetchUploadIdsStatus follows. Nothing leaves the process.
 */
final class ContactDataSyncPriming {

    /** Rounds through the call path: enough for the JIT to compile the hot methods of S3, XML, JSON and signing. */
    static final int ROUNDS = 40;

    static final String BUCKET = "priming-bucket";
    static final String CONTACT_ID = "c0000000-0000-4000-8000-00000000beef";
    private static final String DAY = "Analysis/Voice/2026/11/21/";

    private static final String UPLOAD = """
            {"operation":"uploadTranscript","payload":[{"contactId":"%s","relatedRecords":["0LQ000000000001AAA"]}]}\
            """.formatted(CONTACT_ID);
    private static final String FETCH = """
            {"operation":"fetchUploadIdsStatus","uploadIds":["0Xy000000000001AAA","0Xy000000000002AAA"]}""";
    private static final String CONTACT = """
            {"Contact":{"Id":"%s","InitiationTimestamp":1763719200.123,"DisconnectTimestamp":1763719530.25,\
            "AgentInfo":{"Id":"a0000000-0000-4000-8000-000000000000","ConnectedToAgentTimestamp":1763719210.5}}}\
            """.formatted(CONTACT_ID);

    private ContactDataSyncPriming() {
    }

    static String listing(String continuationToken) {
        boolean first = continuationToken == null;
        String keys = first
                ? contents(DAY + "d0000000-0000-4000-8000-000000000001_analysis_2026-11-21T09:00:00Z.json")
                : contents(DAY + CONTACT_ID + "_analysis_2026-11-21T10:05:30Z.json")
                        + contents(DAY + CONTACT_ID + "_analysis_2026-11-21T10:15:30Z.json");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>%s</Name>\
                <Prefix>%s</Prefix><KeyCount>%d</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>%s</IsTruncated>\
                %s%s</ListBucketResult>""".formatted(BUCKET, DAY, first ? 1 : 2, first, keys,
                first ? "<NextContinuationToken>page-2</NextContinuationToken>" : "");
    }

    private static String contents(String key) {
        return "<Contents><Key>" + key + "</Key><LastModified>2026-11-21T10:06:00.000Z</LastModified>"
                + "<ETag>&quot;0123456789abcdef&quot;</ETag><Size>2048</Size><StorageClass>STANDARD</StorageClass>"
                + "</Contents>";
    }

    static String analysis() {
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            transcript.append(i > 0 ? "," : "").append("""
                    {"BeginOffsetMillis":%d,"Content":"Priming utterance %d, café.","EndOffsetMillis":%d,\
                    "Id":"00000000-0000-4000-8000-%012d","ParticipantId":"%s","Sentiment":"NEUTRAL"}""".formatted(
                    i * 1000, i, i * 1000 + 900, i, i % 2 == 0 ? "CUSTOMER" : "AGENT"));
        }
        return """
                {"Channel":"VOICE","CustomerMetadata":{"ContactId":"%s",\
                "InstanceId":"00000000-0000-4000-8000-000000000000"},\
                "Transcript":[%s]}""".formatted(CONTACT_ID, transcript);
    }

    /** @param config the function's configuration; the bucket is the stand-in's */
    static void prime(ContactDataSyncConfig config, int rounds) {
        String analysis = analysis();
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(Map.of(),
                "{\"conversationBulkUploadsResults\":[{\"uploadId\":\"0Xy000000000001AAA\"}]}", request -> {
                    if (request.path().startsWith("/contacts/")) {
                        return Response.json(200, CONTACT);
                    } else if (request.path().startsWith("/" + BUCKET + "?")
                            && request.path().contains("list-type=2")) {
                        return Response.json(200, listing(request.path().contains("continuation-token=")
                                ? "page-2" : null));
                    } else if (request.path().startsWith("/" + BUCKET + "/")) {
                        return Response.json(200, analysis);
                    }
                    return PrimingStandIns.notFound(request);
                }));
             S3Client s3 = S3Clients.forPriming(loopback.uri())) {
            ContactDataSyncConfig primingConfig = new ContactDataSyncConfig(config.instanceId(),
                    config.restApiFunction(), config.maxContactIds(),
                    Math.min(config.batchSize(), ContactDataSyncService.MAX_BATCH_SIZE), BUCKET,
                    config.callCenterApiName());
            ContactDataSyncHandler handler = new ContactDataSyncHandler(new ContactDataSyncService(primingConfig,
                    new ConnectContacts(AwsApiClient.forPriming(AwsService.CONNECT, loopback.uri())),
                    new S3Objects(s3),
                    new LambdaFunctionInvoker(AwsApiClient.forPriming(AwsService.LAMBDA, loopback.uri())),
                    Priming.silentLogger("ContactDataSyncService")));
            for (int round = 0; round < rounds; round++) {
                Priming.invoke(handler, UPLOAD, "conversationBulkUploadsResults");
                Priming.invoke(handler, FETCH, "\"StatusCode\":200");
            }
        }
    }
}
