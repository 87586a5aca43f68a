package dev.scvcdk.lambdas.common.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.common.Lazy;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import dev.scvcdk.lambdas.testsupport.AwsJsonStub;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production AWS clients from the default chains, pointed at a local stand-in through the endpoint overrides. */
class AwsSecureValueReaderTest {
    private static final String SECRET_ARN = "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:cc-scrt-key-AbCdEf";

    private static AwsJsonStub aws;
    private static AwsSystemProperties properties;
    private static SsmApi ssm;
    private static SecretsManagerApi secretsManager;

    @BeforeAll
    static void start() throws Exception {
        aws = new AwsJsonStub();
        properties = AwsSystemProperties.with(Map.of(
                "aws.endpointUrlSsm", aws.endpoint(), "aws.endpointUrlSecretsManager", aws.endpoint()));
        ssm = AwsClients.ssm();
        secretsManager = AwsClients.secretsManager();
    }

    @AfterAll
    static void stop() {
        properties.close();
        aws.close();
    }

    @Test
    void parameterNameIsReadFromSsmWithDecryption() {
        aws.putParameter("cc-scrt-jwt-auth-private-key", TestKeys.pkcs8Pem());
        AwsSecureValueReader reader = new AwsSecureValueReader(() -> ssm, () -> {
            throw new AssertionError("Secrets Manager must not be used for a parameter name");
        });
        assertThat(reader.read("cc-scrt-jwt-auth-private-key")).isEqualTo(TestKeys.pkcs8Pem());
        AwsJsonStub.Call call = aws.calls().get(aws.calls().size() - 1);
        assertThat(call.target()).isEqualTo("AmazonSSM.GetParameter");
        assertThat(call.request().path("WithDecryption").asBoolean()).isTrue();
        assertThat(call.signed()).isTrue();
    }

    @Test
    void secretArnIsReadFromSecretsManager() {
        aws.putSecret(SECRET_ARN, TestKeys.pkcs1Pem("\r\n"));
        AwsSecureValueReader reader = new AwsSecureValueReader(() -> {
            throw new AssertionError("SSM must not be used for a secret ARN");
        }, () -> secretsManager);
        assertThat(reader.read(SECRET_ARN)).isEqualTo(TestKeys.pkcs1Pem("\r\n"));
        assertThat(aws.calls().get(aws.calls().size() - 1).target()).isEqualTo("secretsmanager.GetSecretValue");
    }

    @Test
    void missingParameterFailsNamingIt() {
        AwsSecureValueReader reader = new AwsSecureValueReader(() -> ssm, () -> secretsManager);
        assertThatThrownBy(() -> reader.read("no-such-parameter"))
                .isInstanceOf(SecureValueException.class)
                .hasMessageContaining("cannot read no-such-parameter");
    }

    @Test
    void providerParsesTheStoredKeyOnceAndCachesIt() {
        aws.putParameter("cached-key", TestKeys.pkcs1Pem("\n"));
        Lazy<SsmApi> lazy = Lazy.of(() -> ssm);
        PrivateKeyProvider provider = new PrivateKeyProvider(new CachingSecureValueReader(
                new AwsSecureValueReader(lazy, () -> secretsManager), java.time.Duration.ofMinutes(5),
                java.time.Clock.systemUTC()), "cached-key");
        int before = aws.calls().size();
        assertThat(provider.get()).isSameAs(provider.get());
        assertThat(provider.get().getModulus()).isEqualTo(TestKeys.privateKey().getModulus());
        assertThat(aws.calls().size() - before).isEqualTo(1);
    }

    @Test
    void secretsManagerArnsAreRecognisedInEveryPartition() {
        assertThat(AwsSecureValueReader.isSecretsManagerArn(SECRET_ARN)).isTrue();
        assertThat(AwsSecureValueReader.isSecretsManagerArn(
                "arn:aws:secretsmanager:us-west-2:123456789012:secret:scrt-AbCdEf")).isTrue();
        assertThat(AwsSecureValueReader.isSecretsManagerArn("cc-scrt-jwt-auth-private-key")).isFalse();
        assertThat(AwsSecureValueReader.isSecretsManagerArn(
                "arn:aws:ssm:us-west-2:123456789012:parameter/cc-scrt-jwt-auth-private-key")).isFalse();
    }
}
