package dev.scvcdk.lambdas.common.keys;

/** Reads a secret value by SSM parameter name or Secrets Manager secret ARN. */
@FunctionalInterface
public interface SecureValueReader {
    /**
     * @param nameOrArn an SSM parameter name (read with decryption) or a Secrets Manager secret ARN
     * @return the plaintext value
     * @throws SecureValueException when the store cannot be read or holds no value
     */
    String read(String nameOrArn);
}
