package dev.scvcdk.lambdas.authkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PemTest {

    private static KeyPair keyPair;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyPair = generator.generateKeyPair();
    }

    @Test
    void writesAPkcs8PrivateKeyBlockWith64CharacterLines() {
        String pem = Pem.privateKey(keyPair.getPrivate());

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("\n-----END PRIVATE KEY-----\n");
        assertThat(pem.lines().skip(1).filter(line -> !line.startsWith("-----")))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    }

    @Test
    void readsBackThePkcs8KeyAndDerivesItsPublicKey() {
        KeyPair read = Pem.readRsaKeyPair(Pem.privateKey(keyPair.getPrivate()));

        assertThat(read.getPrivate()).isEqualTo(keyPair.getPrivate());
        assertThat(read.getPublic()).isEqualTo(keyPair.getPublic());
    }

    @Test
    void readsAPkcs1KeyWithCrlfLineEnds() {
        // GIVEN the same key as PKCS#1 (the OCTET STRING inside the PKCS#8 wrapper), with Windows line ends
        byte[] pkcs8 = keyPair.getPrivate().getEncoded();
        assertThat(pkcs8[22]).as("OCTET STRING tag of the JDK's PKCS#8 layout").isEqualTo((byte) 0x04);
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\r\n"
                + Base64.getMimeEncoder(64, "\r\n".getBytes()).encodeToString(pkcs1)
                + "\r\n-----END RSA PRIVATE KEY-----\r\n";

        // WHEN read THEN it is the same key pair
        assertThat(Pem.readRsaKeyPair(pem).getPublic()).isEqualTo(keyPair.getPublic());
    }

    @Test
    void aValueThatIsNotAKeyIsRejectedWithoutQuotingIt() {
        assertThatThrownBy(() -> Pem.readRsaKeyPair("hunter2-not-a-key"))
                .hasMessage("the value is not a PEM block");
        assertThatThrownBy(() -> Pem.readRsaKeyPair(
                "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ1dC1ub3QtYS1rZXk=\n-----END PRIVATE KEY-----"))
                .hasMessage("the PEM block is not a readable RSA private key");
        assertThatThrownBy(() -> Pem.readRsaKeyPair("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .hasMessageContaining("was CERTIFICATE");
    }
}
