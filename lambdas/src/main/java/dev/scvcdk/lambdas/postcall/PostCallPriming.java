package dev.scvcdk.lambdas.postcall;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.connect.ConnectContacts;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.keys.CachedPrivateKey;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.media.S3Objects;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs PostCallAnalysisTrigger's call path during init against one in-process loopback stand-in for SSM, S3,
 * Connect and SCRT: the event is decoded, the analysis fetched through the SDK's S3 client (signing, path-style
 * addressing, response handling) and parsed, the contact described, the signals built and posted in two chunks
 * with a signed JWT through the function's own SCRT HTTP client. Nothing leaves the process.
 */
final class PostCallPriming {

    /** Rounds through the call path: enough for the JIT to compile the hot methods of S3, JSON, signing and HTTP. */
    static final int ROUNDS = 60;

    static final String BUCKET = "priming-bucket";
    static final String CONTACT_ID = "c0000000-0000-4000-8000-00000000beef";
    static final String KEY = "Analysis/Voice/2026/11/21/" + CONTACT_ID + "_analysis_2026-11-21T10:05:30Z.json";

    private PostCallPriming() {
    }

    /** An EventBridge S3 event for {@link #KEY}, encoded as S3 encodes keys in events. */
    static String event() {
        return """
                {"version":"0","id":"priming","detail-type":"Object Created","source":"aws.s3",\
                "account":"111122223333","time":"2026-11-21T10:06:00Z","region":"us-east-1","resources":[],\
                "detail":{"version":"0","bucket":{"name":"%s"},"object":{"key":"%s","size":2048},\
                "reason":"PutObject"}}""".formatted(BUCKET, KEY.replace(":", "%3A"));
    }

    /** A Contact Lens analysis with overall scores and 30 items: two postConversationEvents calls. */
    static String analysis() {
        StringBuilder transcript = new StringBuilder();
        String[] sentiments = {"POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED"};
        for (int i = 0; i < 30; i++) {
            transcript.append(i > 0 ? "," : "").append("""
                    {"BeginOffsetMillis":%d,"Content":"Priming utterance %d.","EndOffsetMillis":%d,\
                    "Id":"00000000-0000-4000-8000-%012d","ParticipantId":"%s","Sentiment":"%s"}""".formatted(
                    i * 1000, i, i * 1000 + 900, i, i % 2 == 0 ? "CUSTOMER" : "AGENT", sentiments[i % 4]));
        }
        return """
                {"Channel":"VOICE","AccountId":"111122223333","JobStatus":"COMPLETED","LanguageCode":"en-US",\
                "CustomerMetadata":{"InputS3Uri":"s3://%s/x.wav","ContactId":"%s",\
                "InstanceId":"00000000-0000-4000-8000-000000000000"},\
                "ConversationCharacteristics":{"Sentiment":{"OverallSentiment":{"AGENT":0.8,"CUSTOMER":-1.2}}},\
                "Transcript":[%s]}""".formatted(BUCKET, CONTACT_ID, transcript);
    }

    static final String CONTACT = """
            {"Contact":{"Id":"%s","InitiationTimestamp":1763719200.0,"DisconnectTimestamp":1763719530.25,\
            "AgentInfo":{"Id":"a0000000-0000-4000-8000-000000000000","ConnectedToAgentTimestamp":1763719210.5}}}\
            """.formatted(CONTACT_ID);

    /**
     * @param config the function's configuration: its org, call center and key name, with SCRT replaced by the
     *               loopback stand-in
     * @param http   the function's SCRT HTTP client (its pool is dropped before the snapshot)
     * @param ids    the function's JWT id source (re-seeded after every restore)
     */
    static void prime(ScrtConfig config, RetryingHttpClient http, RandomIds ids, int rounds) {
        String key = Priming.throwawayRsaKeyPem();
        String analysis = analysis();
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(
                Map.of(config.privateKeyName(), key), "{}", request -> {
                    if (request.path().startsWith("/telephony/v1/voiceCalls/")) {
                        return Response.json(200, "{}");
                    } else if (request.path().startsWith("/contacts/")) {
                        return Response.json(200, CONTACT);
                    } else if (request.path().startsWith("/" + BUCKET + "/")) {
                        return Response.json(200, analysis);
                    }
                    return PrimingStandIns.notFound(request);
                }));
             S3Client s3 = S3Clients.forPriming(loopback.uri())) {
            SsmApi ssm = new SsmApi(AwsApiClient.forPriming(AwsService.SSM, loopback.uri()));
            SecretsManagerApi secrets = new SecretsManagerApi(
                    AwsApiClient.forPriming(AwsService.SECRETS_MANAGER, loopback.uri()));
            ScrtConfig primingConfig = new ScrtConfig(config.orgId(), config.callCenterApiName(),
                    URI.create(loopback.uri() + "/telephony/v1"), config.privateKeyName());
            ConnectContacts connect = new ConnectContacts(AwsApiClient.forPriming(AwsService.CONNECT, loopback.uri()));
            String event = event();
            for (int round = 0; round < rounds; round++) {
                // A new reader each round, so the key is read and parsed every time, as on a first call.
                PrivateKeyProvider signingKey = CachedPrivateKey.of(() -> ssm, () -> secrets,
                        config.privateKeyName(), PostCallWiring.KEY_CACHE_TTL).key();
                PostCallAnalysisTriggerHandler handler = new PostCallAnalysisTriggerHandler(PostCallWiring.service(
                        primingConfig, signingKey, ids, http,
                        new S3Objects(s3), connect, Priming.silentLogger("PostCallService")));
                Priming.invoke(handler, event, "\"Success\"");
            }
        }
    }
}
