package dev.scvcdk.lambdas.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.common.http.RetryPolicy;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.keys.AwsSecureValueReader;
import dev.scvcdk.lambdas.common.keys.CachingSecureValueReader;
import dev.scvcdk.lambdas.common.keys.PrivateKeyProvider;
import dev.scvcdk.contracts.LogLevel;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.restapi.connectpkg.SfOperations;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceApiException;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceAuthClient;
import dev.scvcdk.lambdas.restapi.salesforce.SalesforceRestClient;
import dev.scvcdk.lambdas.restapi.scv.ScvRestMethods;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serves a Connect event for InvokeSalesforceRestApi: an event carrying {@code sf_operation} follows
 * the Amazon Connect Salesforce Lambda package's contract, one carrying {@code methodName} SCV's.
 * Built once per container; holds the Salesforce clients and the cached access token.
 */
public final class InvokeSalesforceRestApiService {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Connect waits at most 8 s for a Lambda; a Salesforce call must answer well within that. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(6);
    /** The private key is re-read at most this often, so a rotated key is picked up without a redeploy. */
    private static final Duration KEY_TTL = Duration.ofMinutes(15);

    private final SalesforceRestClient salesforce;
    private final Optional<String> callCenterApiName;
    private final StructuredLogger log;
    private final Clock clock;

    public InvokeSalesforceRestApiService(SalesforceRestClient salesforce,
            Optional<String> callCenterApiName, StructuredLogger log, Clock clock) {
        this.salesforce = salesforce;
        this.callCenterApiName = callCenterApiName;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Wires the service from its configuration: the private key through the shared (caching) reader,
     * which also accepts a Secrets Manager ARN in {@code PRIVATE_KEY_PARAM_NAME}; Salesforce calls with
     * timeouts and bounded retries.
     */
    public static InvokeSalesforceRestApiService create(RestApiConfig config, SsmApi ssm,
            Supplier<SecretsManagerApi> secretsManager, RetryPolicy retryPolicy) {
        return prepare(config, ssm, secretsManager, retryPolicy, SecureRandom::new).service();
    }

    /**
     * As {@link #create}, with the restore hooks (the HTTP pool, the cached key and access token, the JWT id source)
     * and the priming run the handler's init uses.
     *
     * @param randomness the generators JWT ids are drawn from (freshly seeded after every restore)
     */
    public static SnapStart.Prepared<InvokeSalesforceRestApiService> prepare(RestApiConfig config, SsmApi ssm,
            Supplier<SecretsManagerApi> secretsManager, RetryPolicy retryPolicy, Supplier<SecureRandom> randomness) {
        return prepare(config, ssm, secretsManager, retryPolicy, randomness, RestApiPriming.ROUNDS);
    }

    /** @param primingRounds how many times priming runs the call path */
    static SnapStart.Prepared<InvokeSalesforceRestApiService> prepare(RestApiConfig config, SsmApi ssm,
            Supplier<SecretsManagerApi> secretsManager, RetryPolicy retryPolicy, Supplier<SecureRandom> randomness,
            int primingRounds) {
        RetryingHttpClient retrying = RetryingHttpClient.create(CONNECT_TIMEOUT, REQUEST_TIMEOUT, retryPolicy);
        RandomIds ids = new RandomIds(randomness);
        StructuredLogger log = new StructuredLogger("InvokeSalesforceRestApi",
                LogLevel.parse(config.logLevel(), LogLevel.INFO), System.out, Clock.systemUTC());
        Parts parts = build(config, ssm, secretsManager, retrying, retryPolicy, ids, log);
        RestoreHooks hooks = new RestoreHooks().registerAll(AwsApiClient.sharedRestorables())
                .register(retrying.restorable(), parts.reader(), parts.key(), parts.auth(), ids);
        return new SnapStart.Prepared<>(parts.service(), hooks,
                () -> RestApiPriming.prime(config, retrying, retryPolicy, ids, primingRounds));
    }

    /** What {@link #build} wires, with the parts that hold state a snapshot must not carry. */
    record Parts(InvokeSalesforceRestApiService service, CachingSecureValueReader reader, PrivateKeyProvider key,
                 SalesforceAuthClient auth) {
    }

    /** The service over {@code config}: production and priming build it the same way. */
    static Parts build(RestApiConfig config, SsmApi ssm, Supplier<SecretsManagerApi> secretsManager,
            RetryingHttpClient retrying, RetryPolicy retryPolicy, RandomIds ids, StructuredLogger log) {
        Clock clock = Clock.systemUTC();
        CachingSecureValueReader reader = new CachingSecureValueReader(
                new AwsSecureValueReader(() -> ssm, secretsManager), KEY_TTL, clock);
        PrivateKeyProvider key = new PrivateKeyProvider(reader, config.privateKeyParamName());
        RetryingHttpClient once = retrying.withPolicy(retryPolicy.withMaxAttempts(1));
        SalesforceAuthClient auth = new SalesforceAuthClient(config.authEndpoint(),
                new SalesforceAuthClient.ParameterNames(config.consumerKeyParamName(), config.audienceParamName(),
                        config.subjectParamName(), config.accessTokenParamName()),
                ssm, key, retrying, clock, log, ids);
        SalesforceRestClient rest = new SalesforceRestClient(config.restApiEndpointBase(), auth, retrying, once);
        return new Parts(new InvokeSalesforceRestApiService(rest, config.callCenterApiName(), log, clock), reader, key,
                auth);
    }

    /**
     * Answers the event: the flattened record(s) contact flows read for the query and lookup calls, every other
     * result as Salesforce sent it.
     */
    public Map<String, Object> handle(JsonNode event) {
        String contactId = Json.nonEmptyText(event, "Details", "ContactData", "ContactId");
        Parameters params = Parameters.fromEvent(event);
        SalesforceRestClient client = salesforce.forContact(contactId);
        String call = params.get("sf_operation").map(op -> "sf_operation " + op)
                .or(() -> params.get("methodName").map(m -> "methodName " + m)).orElse("none");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("call", call);
        log.info("InvokeSalesforceRestApi invoked", contactId, fields);
        try {
            Map<String, Object> result = dispatch(params, client);
            fields.put("resultSize", result.size());
            log.debug("InvokeSalesforceRestApi answered", contactId, fields);
            return result;
        } catch (SalesforceApiException e) {
            fields.put("status", e.status());
            fields.put("errorCode", e.errorCode());
            log.error("Salesforce call failed", contactId, fields, e);
            throw e;
        } catch (InvalidRequestException e) {
            log.error("request rejected", contactId, fields, e);
            throw e;
        }
    }

    private Map<String, Object> dispatch(Parameters params, SalesforceRestClient client) {
        if (params.has("sf_operation")) {
            String operation = params.required("sf_operation", "InvokeSalesforceRestApi");
            return new SfOperations(client, clock).invoke(operation, Parameters.of(params.without(Set.of("sf_operation"))));
        }
        if (params.has("methodName")) {
            String method = params.required("methodName", "InvokeSalesforceRestApi");
            return new ScvRestMethods(client, callCenterApiName).invoke(method, params);
        }
        throw new InvalidRequestException("Details.Parameters must carry 'methodName' (SCV) or 'sf_operation' "
                + "(Amazon Connect Salesforce Lambda package); parameters sent: " + params.asMap().keySet());
    }
}
