package dev.scvcdk.lambdas.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.testsupport.AwsJsonStub;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SnapStart init of InvokeTelephonyIntegrationApi: priming calls out to nothing; restored copies share no state. */
class TelephonyPrimingTest {
    private static final String ORG = InvokeTelephonyIntegrationApiHandlerTest.ORG;
    private static final String CALL_CENTER = InvokeTelephonyIntegrationApiHandlerTest.CALL_CENTER;
    private static final String KEY = "acmecc-scrt-jwt-auth-private-key";
    private static final int ROUNDS = 2;

    private ScrtStub scrt;
    private AwsJsonStub aws;
    private AwsSystemProperties properties;

    @BeforeEach
    void start() throws Exception {
        scrt = new ScrtStub(TestKeys.publicKey(), ORG, CALL_CENTER);
        aws = new AwsJsonStub();
        aws.putParameter(KEY, TestKeys.pkcs8Pem());
        properties = AwsSystemProperties.with(Map.of(
                "aws.endpointUrlSsm", aws.endpoint(), "aws.endpointUrlSecretsManager", aws.endpoint()));
    }

    @AfterEach
    void stop() {
        assertThat(scrt.problems()).isEmpty();
        properties.close();
        aws.close();
        scrt.close();
    }

    private Map<String, String> environment() {
        return Map.of("PRIVATE_KEY_PARAM_NAME", KEY, "SALESFORCE_ORG_ID", ORG, "SCRT_ENDPOINT_BASE", scrt.baseUrl(),
                "CALL_CENTER_API_NAME", CALL_CENTER, "LOG_LEVEL", "ERROR");
    }

    /** What one snapshot freezes: the first generator seeded identically in every copy; later ones fresh. */
    private static Supplier<SecureRandom> frozenSeedThenFresh() {
        AtomicBoolean first = new AtomicBoolean(true);
        return () -> {
            if (!first.getAndSet(false)) {
                return new SecureRandom();
            }
            try {
                SecureRandom frozen = SecureRandom.getInstance("SHA1PRNG");
                frozen.setSeed(new byte[] {7, 7, 7});
                return frozen;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void restore(SnapStart.Prepared<TelephonyService> container) {
        container.hooks().beforeCheckpoint(null);
        container.hooks().afterRestore(null);
    }

    private static void createVoiceCall(SnapStart.Prepared<TelephonyService> container) throws Exception {
        InvokeTelephonyIntegrationApiHandlerTest.invoke(new InvokeTelephonyIntegrationApiHandler(container.service()),
                Fixtures.text("connect-create-voice-call-pstn.json"));
    }

    @Test
    void primingRunsTheCallPathWithoutARequestToSsmOrScrt() throws Exception {
        // GIVEN the function's configuration, pointing at SSM and SCRT
        SnapStart.Prepared<TelephonyService> container =
                TelephonyWiring.prepare(environment(), SecureRandom::new, ROUNDS);

        // WHEN init primes the call path
        container.priming().run();

        // THEN neither SSM nor SCRT heard from it
        assertThat(aws.calls()).isEmpty();
        assertThat(scrt.received()).isEmpty();
        // AND after the restore the function serves a real call, reading the real key
        restore(container);
        createVoiceCall(container);
        assertThat(scrt.accepted()).hasSize(1);
        assertThat(aws.calls()).extracting(AwsJsonStub.Call::target).containsExactly("AmazonSSM.GetParameter");
    }

    @Test
    void twoEnvironmentsRestoredFromOnePrimedSnapshotSignDifferentJwtIds() throws Exception {
        // GIVEN two copies of one primed container, down to the state of the generator JWT ids come from
        SnapStart.Prepared<TelephonyService> copyA = TelephonyWiring.prepare(environment(), frozenSeedThenFresh(), ROUNDS);
        SnapStart.Prepared<TelephonyService> copyB = TelephonyWiring.prepare(environment(), frozenSeedThenFresh(), ROUNDS);
        copyA.priming().run();
        copyB.priming().run();

        // WHEN each is restored (the hooks SnapStart runs) and makes the same call
        restore(copyA);
        restore(copyB);
        createVoiceCall(copyA);
        createVoiceCall(copyB);

        // THEN SCRT sees two different jti (ScrtStub also rejects a repeated one)
        assertThat(scrt.accepted()).hasSize(2);
        assertThat(scrt.accepted().get(0).claims().getJWTID())
                .isNotEqualTo(scrt.accepted().get(1).claims().getJWTID());
    }

    @Test
    void aRestoredEnvironmentReadsTheKeyAgainInsteadOfUsingTheSnapshotsCache() throws Exception {
        // GIVEN a container that read (and cached) the key before the snapshot
        SnapStart.Prepared<TelephonyService> container = TelephonyWiring.prepare(environment(), SecureRandom::new, ROUNDS);
        createVoiceCall(container);
        createVoiceCall(container);
        assertThat(aws.calls()).as("cached while warm").hasSize(1);

        // WHEN it is snapshotted and restored
        restore(container);
        createVoiceCall(container);

        // THEN the restored copy read the key itself
        assertThat(aws.calls()).extracting(AwsJsonStub.Call::target)
                .containsExactly("AmazonSSM.GetParameter", "AmazonSSM.GetParameter");
    }
}
