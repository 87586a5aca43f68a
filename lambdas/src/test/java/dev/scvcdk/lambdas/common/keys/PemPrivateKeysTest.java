package dev.scvcdk.lambdas.common.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.testsupport.TestKeys;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;

class PemPrivateKeysTest {

    private static void assertIsTheTestKey(RSAPrivateKey key) {
        assertThat(key.getModulus()).isEqualTo(TestKeys.privateKey().getModulus());
        assertThat(key.getPrivateExponent()).isEqualTo(TestKeys.privateKey().getPrivateExponent());
    }

    @Test
    void readsPkcs8WithLf() {
        assertIsTheTestKey(PemPrivateKeys.parse(TestKeys.pkcs8Pem(), "p"));
    }

    @Test
    void readsPkcs8WithCrlf() {
        assertIsTheTestKey(PemPrivateKeys.parse(TestKeys.pkcs8PemCrlf(), "p"));
    }

    @Test
    void readsPkcs1WithLf() {
        assertIsTheTestKey(PemPrivateKeys.parse(TestKeys.pkcs1Pem("\n"), "p"));
    }

    @Test
    void readsPkcs1WithCrlf() {
        assertIsTheTestKey(PemPrivateKeys.parse(TestKeys.pkcs1Pem("\r\n"), "p"));
    }

    @Test
    void readsLineBreaksStoredAsLiteralBackslashN() {
        String escaped = TestKeys.pkcs1Pem("\n").replace("\n", "\\n");
        assertIsTheTestKey(PemPrivateKeys.parse(escaped, "p"));
    }

    @Test
    void readsTheKeyFieldOfAJsonSecret() {
        String secret = "{\"orgId\":\"00D000000000001\",\"privateKey\":\"" + TestKeys.pkcs8Pem().replace("\n", "\\n") + "\"}";
        assertIsTheTestKey(PemPrivateKeys.parse(secret, "arn-of-secret"));
    }

    @Test
    void pkcs1WrappingMatchesTheJdkEncoding() {
        // The JDK's own PKCS#8 encoding of the key is exactly the wrapper around its PKCS#1 body.
        byte[] pkcs8 = TestKeys.privateKey().getEncoded();
        String pkcs1Pem = TestKeys.pkcs1Pem("\n");
        byte[] pkcs1 = java.util.Base64.getMimeDecoder().decode(pkcs1Pem
                .replace("-----BEGIN RSA PRIVATE KEY-----", "").replace("-----END RSA PRIVATE KEY-----", ""));
        assertThat(PemPrivateKeys.wrapPkcs1(pkcs1)).isEqualTo(pkcs8);
    }

    @Test
    void textWithoutAPemBlockIsRejectedNamingTheSource() {
        assertThatThrownBy(() -> PemPrivateKeys.parse("not a key", "cc-scrt-jwt-auth-private-key"))
                .isInstanceOf(SecureValueException.class)
                .hasMessageContaining("cc-scrt-jwt-auth-private-key does not hold a PEM RSA private key");
    }

    @Test
    void corruptKeyIsRejectedWithoutEchoingIt() {
        String corrupt = "-----BEGIN PRIVATE KEY-----\nQUJDREVGR0hJSktMTU5PUA==\n-----END PRIVATE KEY-----";
        assertThatThrownBy(() -> PemPrivateKeys.parse(corrupt, "p"))
                .isInstanceOf(SecureValueException.class)
                .hasMessageContaining("not an RSA private key")
                .hasMessageNotContaining("QUJDREVGR0hJSktMTU5PUA");
    }

    @Test
    void jsonSecretWithoutAKeyIsRejected() {
        assertThatThrownBy(() -> PemPrivateKeys.parse("{\"user\":\"x\"}", "s"))
                .hasMessageContaining("s is a JSON object without a PEM private key field");
    }
}
