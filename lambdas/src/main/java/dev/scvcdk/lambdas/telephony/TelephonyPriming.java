package dev.scvcdk.lambdas.telephony;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.keys.CachedPrivateKey;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.lambdas.common.scrt.ScrtConfig;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder;
import dev.scvcdk.lambdas.common.snapstart.LoopbackResponder.Response;
import dev.scvcdk.lambdas.common.snapstart.Priming;
import dev.scvcdk.lambdas.common.snapstart.PrimingStandIns;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Runs InvokeTelephonyIntegrationApi's call path during init, against an in-process loopback stand-in for SSM
 * (or Secrets Manager) and SCRT: a representative createVoiceCall and updateVoiceCall are parsed, the signing key
 * (a throwaway one) is read and parsed, a JWT is signed, the request is sent through the function's own HTTP client
 * and the answer parsed — so class loading and compilation happen before the snapshot, not in the first call.
 */
final class TelephonyPriming {

    /**
     * Rounds through the call path: enough for C1 (Lambda's only JIT) to compile the hot methods of signing, HTTP
     * and JSON; 60 rounds left the first call after a restore measurably slower (BENCHMARKS.md).
     */
    static final int ROUNDS = 200;

    private static final List<String> EVENTS = List.of("""
            {"Details":{"ContactData":{"Attributes":{"sfdc-Case_Reason__c":"Billing"},"Channel":"VOICE",
             "ContactId":"c0000000-0000-4000-8000-00000000beef","CustomerEndpoint":{"Address":"+14155550100",
             "Type":"TELEPHONE_NUMBER"},"InitiationMethod":"INBOUND","SystemEndpoint":{"Address":"+18005550199",
             "Type":"TELEPHONE_NUMBER"},"SegmentAttributes":{"connect:Subtype":{"ValueString":"connect:Telephony"}}},
             "Parameters":{"methodName":"createVoiceCall"}},"Name":"ContactFlowEvent"}""", """
            {"Details":{"Parameters":{"methodName":"updateVoiceCall","contactId":"c0000000-0000-4000-8000-00000000beef",
             "fieldValues":{"startTime":"2026-11-21T10:00:00Z","endTime":"2026-11-21T10:05:30Z","disconnectReason":
             {"value":"CUSTOMER_DISCONNECT","isError":false},"totalHoldDuration":30,"initiationMethod":"INBOUND",
             "fromNumber":"+14155550100","toNumber":"+18005550199","callSubType":"PSTN","callAttributes":"{}"}}}}""");

    private TelephonyPriming() {
    }

    /**
     * @param config the function's configuration: its org, call center and key name, with SCRT replaced by the
     *               loopback stand-in
     * @param http   the function's HTTP client (its pool is dropped before the snapshot)
     * @param ids    the function's JWT id source (re-seeded after every restore)
     */
    static void prime(ScrtConfig config, RetryingHttpClient http, RandomIds ids, int rounds) {
        String key = Priming.throwawayRsaKeyPem();
        try (LoopbackResponder loopback = LoopbackResponder.start(PrimingStandIns.aws(
                Map.of(config.privateKeyName(), key), "{}",
                request -> request.path().startsWith("/telephony/v1/voiceCalls")
                        ? Response.json(200, "{\"voiceCallId\":\"0LQ000000000001AAA\"}")
                        : PrimingStandIns.notFound(request)))) {
            SsmApi ssm = new SsmApi(AwsApiClient.forPriming(AwsService.SSM, loopback.uri()));
            SecretsManagerApi secrets = new SecretsManagerApi(
                    AwsApiClient.forPriming(AwsService.SECRETS_MANAGER, loopback.uri()));
            ScrtConfig primingConfig = new ScrtConfig(config.orgId(), config.callCenterApiName(),
                    URI.create(loopback.uri() + "/telephony/v1"), config.privateKeyName());
            for (int round = 0; round < rounds; round++) {
                // A new reader each round, so the key is read and parsed every time, as on a first call.
                PrivateKeyProvider signingKey = CachedPrivateKey.of(() -> ssm, () -> secrets,
                        config.privateKeyName(), TelephonyWiring.KEY_CACHE_TTL).key();
                InvokeTelephonyIntegrationApiHandler handler = new InvokeTelephonyIntegrationApiHandler(
                        TelephonyWiring.service(primingConfig, signingKey, ids, http,
                                Priming.silentLogger("TelephonyService")));
                for (String event : EVENTS) {
                    Priming.invoke(handler, event, "\"voiceCallId\"");
                }
                // The key read and parse run once per container, the JWT signing on every call: read it once more
                // so the SSM request path compiles as soon as the signing path does.
                CachedPrivateKey.of(() -> ssm, () -> secrets, config.privateKeyName(), TelephonyWiring.KEY_CACHE_TTL)
                        .key().get();
            }
        }
    }
}
