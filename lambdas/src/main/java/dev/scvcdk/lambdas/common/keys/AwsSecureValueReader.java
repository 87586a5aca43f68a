package dev.scvcdk.lambdas.common.keys;

import java.util.Objects;
import java.util.function.Supplier;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.aws.SsmApi;

/**
 * Reads from SSM Parameter Store ({@code GetParameter} with decryption) or, when given a Secrets Manager
 * secret ARN, from Secrets Manager ({@code GetSecretValue}, string secrets only). Salesforce moved the SCRT
 * key of Amazon Connect contact centers to Secrets Manager in Winter '26, so both stores are supported.
 *
 * <p>Clients are passed as suppliers so a function whose values all live in one store never builds the other.
 */
public final class AwsSecureValueReader implements SecureValueReader {
    private final Supplier<SsmApi> ssm;
    private final Supplier<SecretsManagerApi> secretsManager;

    public AwsSecureValueReader(Supplier<SsmApi> ssm, Supplier<SecretsManagerApi> secretsManager) {
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
                SecretsManagerApi.SecretValue response = secretsManager.get().getSecretValue(nameOrArn);
                if (response.secretString() == null) {
                    throw new SecureValueException("secret " + nameOrArn + " has no string value");
                }
                return response.secretString();
            }
            SsmApi.Parameter parameter = ssm.get().getParameter(nameOrArn, true);
            if (parameter.value() == null) {
                throw new SecureValueException("parameter " + nameOrArn + " has no value");
            }
            return parameter.value();
        } catch (AwsApiException e) {
            throw new SecureValueException("cannot read " + nameOrArn + ": " + e.getMessage(), e);
        }
    }
}
