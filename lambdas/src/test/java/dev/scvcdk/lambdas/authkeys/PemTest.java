package dev.scvcdk.lambdas.authkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.keys.PemPrivateKeys;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
        assertThat(pem.lines().filter(line -> !line.startsWith("-----")))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    }

    @Test
    void theWrittenKeyIsWhatTheScrtKeyReaderParses() {
        // The SCRT client reads this parameter through common.keys: what we write must be what it reads.
        assertThat(PemPrivateKeys.parse(Pem.privateKey(keyPair.getPrivate()), "test"))
                .isEqualTo(keyPair.getPrivate());
    }

    @Test
    void writesACertificateBlock() {
        assertThat(Pem.certificate(new byte[] {1, 2, 3}))
                .isEqualTo("-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n");
    }
}
