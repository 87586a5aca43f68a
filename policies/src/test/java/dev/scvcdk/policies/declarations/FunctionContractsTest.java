package dev.scvcdk.policies.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.contracts.Handler;
import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.config.ContactCenterConfig;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue of function contracts: complete, unambiguous, and what SCV's callers read. */
class FunctionContractsTest {

    @Test
    void everyScvFunctionHasExactlyOneContract() {
        assertThat(FunctionContracts.all()).extracting(FunctionContract::function)
                .containsExactlyInAnyOrder(Function.values());
    }

    @Test
    void everyHandlerOfTheJarBacksExactlyOneDeployedFunction() {
        assertThat(FunctionContracts.all().stream().filter(FunctionContract::deployed)
                .map(c -> c.deployment().orElseThrow().handler()))
                .containsExactlyInAnyOrder(Handler.values());
    }

    @Test
    void givenTheSupportContactCenter_whenTheTelephonyEnvironmentIsDerived_thenItHoldsScvsVariables() {
        ContactCenterConfig support = TestTenants.support();
        DeploymentContext context = new DeploymentContext(TestTenants.example(), support, "DEBUG");

        Map<String, String> env = FunctionContracts.of(Function.INVOKE_TELEPHONY_INTEGRATION_API).deployment()
                .orElseThrow().environment().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().valueIn(context)));

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                EnvVar.PRIVATE_KEY_PARAM_NAME, "acmesupport-scrt-jwt-auth-private-key",
                EnvVar.SALESFORCE_ORG_ID, TestTenants.ORG,
                EnvVar.SCRT_ENDPOINT_BASE, "https://acme.my.salesforce-scrt.com/telephony/v1",
                EnvVar.CALL_CENTER_API_NAME, "acmesupport",
                EnvVar.LOG_LEVEL, "DEBUG"));
    }

    @Test
    void ctrSyncIsToldTheActiveAliasOfTheTelephonyFunction() {
        DeploymentContext context = new DeploymentContext(TestTenants.example(), TestTenants.sales(), "INFO");

        String arn = FunctionContracts.of(Function.CTR_DATA_SYNC).deployment().orElseThrow().environment()
                .get(EnvVar.INVOKE_TELEPHONY_INTEGRATION_API_ARN).valueIn(context);

        assertThat(arn).isEqualTo(
                "arn:aws:lambda:eu-west-2:111122223333:function:acmesales-InvokeTelephonyIntegrationApiFunction:active");
    }

    @Test
    void failureDestinationsFollowFromTriggers() {
        assertThat(FunctionContracts.of(Function.CTR_DATA_SYNC).hasFailureDestination()).isTrue();
        assertThat(FunctionContracts.of(Function.CUSTOM_SSM).hasFailureDestination()).isTrue();
        assertThat(FunctionContracts.of(Function.AUTH_KEYS_SSM_UTIL).hasFailureDestination()).isTrue();
        assertThat(FunctionContracts.of(Function.INVOKE_TELEPHONY_INTEGRATION_API).hasFailureDestination()).isFalse();
        assertThat(FunctionContracts.of(Function.KVS_CONSUMER_TRIGGER).hasFailureDestination()).isFalse();
    }

    @Test
    void aFunctionWithAFailureDestinationSendsToTheQueueWithThePlatformKey() {
        assertThat(FunctionContracts.of(Function.CUSTOM_SSM).allCalls())
                .filteredOn(call -> call.actions().contains("sqs:SendMessage"))
                .singleElement()
                .satisfies(call -> {
                    assertThat(call.target()).isEqualTo(Target.failureQueue());
                    assertThat(call.keyUse()).contains(KeyUse.encrypt(TenantKey.PLATFORM, "sqs"));
                });
    }

    @Test
    void onlyTheSsmExecutionRoleReadsTheSalesforceCredentialsSecret() {
        assertThat(FunctionContracts.all())
                .filteredOn(c -> c.allCalls().stream().anyMatch(call -> call.target().equals(Target.salesforceSecret())))
                .extracting(FunctionContract::roleName)
                .containsOnly(RoleNames.SSM_LAMBDA_EXECUTION);
    }

    @Test
    void authKeysIsToldItsOwnCallCenterSoItWritesOnlyItsOwnParameters() {
        assertThat(FunctionContracts.of(Function.AUTH_KEYS_SSM_UTIL).deployment().orElseThrow().environment())
                .containsKey(EnvVar.CALL_CENTER_API_NAME);
        assertThat(FunctionContracts.of(Function.AUTH_KEYS_SSM_UTIL).calls())
                .allSatisfy(call -> assertThat(call.target().kind()).isEqualTo(Target.Kind.PARAMETER));
    }

    @Test
    void aFeatureDecidesWhereAFunctionIsDeployed() {
        // GIVEN acmesales: contact events (default) and voicemail on, the rest off
        ContactCenterConfig sales = TestTenants.sales();

        assertThat(FunctionContracts.deployedIn(sales)).extracting(FunctionContract::function)
                .contains(Function.HANDLE_CONTACT_EVENTS, Function.VOICEMAIL_AUDIO_PROCESSING,
                        Function.VOICEMAIL_TRANSCRIBE, Function.VOICEMAIL_PACKAGING)
                .doesNotContain(Function.KVS_CONSUMER_TRIGGER, Function.KVS_TRANSCRIBER,
                        Function.CONTACT_LENS_CONSUMER, Function.CONTACT_LENS_PROCESSOR,
                        Function.POST_CALL_ANALYSIS_TRIGGER, Function.REALTIME_ALERT, Function.CONTACT_DATA_SYNC);
    }

    @Test
    void callsThatShareASidAgreeOnActionsSoTheyShareOneStatement() {
        assertThat(FunctionContracts.all().stream().flatMap(c -> c.allCalls().stream())
                .collect(Collectors.groupingBy(Call::sid, Collectors.mapping(Call::actions, Collectors.toSet()))))
                .allSatisfy((sid, actionSets) -> assertThat(actionSets).as(sid).hasSize(1));
    }

    @Test
    void everyRoleOfAFunctionIsAnScvRoleName() {
        assertThat(FunctionContracts.executionRoles()).allSatisfy(role ->
                assertThat(Arrays.stream(RoleNames.class.getFields()).map(f -> {
                    try {
                        return f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })).contains(role));
    }

    /**
     * The README's account arithmetic: Lambda keeps 100 of an account's 1,000 default concurrent executions
     * unreserved, so 900 can be reserved.
     */
    @Test
    void reservedConcurrencyPerContactCenterIs169ByDefaultAnd244WithEveryFeature() {
        ContactCenterConfig defaults = TestTenants.noFeatures().contactCenters().get(0);
        ContactCenterConfig everything = TestTenants.allFeaturesEverywhere().contactCenters().get(0);

        assertThat(reservedIn(defaults)).isEqualTo(169);
        assertThat(reservedIn(everything)).isEqualTo(244);
        assertThat(900 / reservedIn(defaults)).as("contact centers per default account").isEqualTo(5);
        assertThat(900 / reservedIn(everything)).as("with every feature").isEqualTo(3);
    }

    private static int reservedIn(ContactCenterConfig cc) {
        return FunctionContracts.deployedIn(cc).stream()
                .mapToInt(c -> c.deployment().orElseThrow().reservedConcurrency()).sum();
    }

    @Test
    void aTenantBucketRuleCarriesItsKeyPrefixAndNoOtherTriggerDoes() {
        for (FunctionContract contract : FunctionContracts.all()) {
            assertThat(contract.deployment().orElseThrow().objectKeyPrefix().isPresent()).as(contract.function().name())
                    .isEqualTo(contract.triggers().contains(Trigger.TENANT_BUCKET_RULE));
        }
    }
}
