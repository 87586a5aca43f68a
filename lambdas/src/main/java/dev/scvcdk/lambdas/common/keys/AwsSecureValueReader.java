package dev.scvcdk.lambdas.common.keys;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;

/**
 * Reads from SSM Parameter Store ({@code GetParameter} with decryption) or, when given a Secrets Manager
 * secret ARN, from Secrets Manager ({@code GetSecretValue}, string secrets only). Salesforce moved the SCRT
 * key of Amazon Connect contact centers to Secrets Manager in Winter '26, so both stores are supported.
 *
 * <p>Clients are passed as suppliers so a function whose values all live in one store never builds the other.
 */
public final class AwsSecureValueReader implements SecureValueReader {
    private final Supplier<SsmClient> ssm;
    private final Supplier<SecretsManagerClient> secretsManager;

    public AwsSecureValueReader(Supplier<SsmClient> ssm, Supplier<SecretsManagerClient> secretsManager) {
        this.ssm = Objects.requireNonNull(ssm, "ssm");
        this.secretsManager = Objects.requireNonNull(secretsManager, "secretsManager");
    }

    /** True for {@code arn:<partition>:secretsmanager:<region>:<account>:secret:<name>}. */
    public static boolean isSecretsManagerArn(String nameOrArn) {
        String[] parts = nameOrArn.split(":", 7);
        return parts.length == 7 && parts[0].equals("arn") && parts[2].equals("secretsmanager")
                && parts[5].equals("secret");
    }

    @Override
    public String read(String nameOrArn) {
        Objects.requireNonNull(nameOrArn, "nameOrArn");
        try {
            if (isSecretsManagerArn(nameOrArn)) {
                GetSecretValueResponse response = secretsManager.get().getSecretValue(r -> r.secretId(nameOrArn));
                if (response.secretString() == null) {
                    throw new SecureValueException("secret " + nameOrArn + " has no string value");
                }
                return response.secretString();
            }
            GetParameterResponse response = ssm.get().getParameter(r -> r.name(nameOrArn).withDecryption(true));
            if (response.parameter() == null || response.parameter().value() == null) {
                throw new SecureValueException("parameter " + nameOrArn + " has no value");
            }
            return response.parameter().value();
        } catch (SdkException e) {
            throw new SecureValueException("cannot read " + nameOrArn + ": " + e.getMessage(), e);
        }
    }
}
