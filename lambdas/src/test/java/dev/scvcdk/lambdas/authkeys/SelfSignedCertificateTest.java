package dev.scvcdk.lambdas.authkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {

    private static final Instant NOW = Instant.parse("2026-11-21T13:05:09.750Z");
    private static KeyPair keyPair;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyPair = generator.generateKeyPair();
    }

    static X509Certificate parse(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static X509Certificate issue(String unit, Instant from, int days) throws Exception {
        return parse(SelfSignedCertificate.issue(keyPair, unit, from, days, new SecureRandom()));
    }

    @Test
    void theJdkParsesItAndItsSignatureVerifiesWithTheKeyPairsPublicKey() throws Exception {
        X509Certificate certificate = issue("ACME", NOW, 730);

        certificate.verify(keyPair.getPublic());
        assertThat(certificate.getPublicKey()).isEqualTo(keyPair.getPublic());
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    @Test
    void subjectAndIssuerAreSalesforcesNameWithTheGivenUnit() throws Exception {
        X509Certificate certificate = issue("ACME Contact Center", NOW, 730);

        X500Principal expected = new X500Principal(
                "CN=www.salesforce.com, OU=ACME Contact Center, O=salesforce.com, L=San Francisco, ST=CA, C=US");
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(expected);
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(expected);
    }

    @Test
    void isValidFromNowForExactlyTheGivenDays() throws Exception {
        X509Certificate certificate = issue("ACME", NOW, 730);

        Instant notBefore = certificate.getNotBefore().toInstant();
        assertThat(notBefore).isEqualTo(Instant.parse("2026-11-21T13:05:09Z"));
        assertThat(Duration.between(notBefore, certificate.getNotAfter().toInstant())).isEqualTo(Duration.ofDays(730));
    }

    @Test
    void validityReachingPast2049IsEncodedSoTheJdkReadsTheRightYear() throws Exception {
        X509Certificate certificate = issue("ACME", NOW, 36_500);

        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2126-10-28T13:05:09Z"));
    }

    @Test
    void isACaWithCriticalBasicConstraintsAndKeyUsage() throws Exception {
        X509Certificate certificate = issue("ACME", NOW, 30);

        // -1 would mean "not a CA"; MAX_VALUE is a CA without a path length limit
        assertThat(certificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(certificate.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        assertThat(certificate.getNonCriticalExtensionOIDs()).containsExactly("2.5.29.14");
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[5]).as("keyCertSign").isTrue();
        assertThat(keyUsage[6]).as("cRLSign").isTrue();
        assertThat(keyUsage[2]).as("keyEncipherment").isFalse();
    }

    @Test
    void everyCertificateGetsItsOwnPositiveSerial() throws Exception {
        X509Certificate first = issue("ACME", NOW, 30);
        X509Certificate second = issue("ACME", NOW, 30);

        assertThat(first.getSerialNumber()).isPositive();
        assertThat(first.getSerialNumber().bitLength()).isLessThanOrEqualTo(159);
        assertThat(first.getSerialNumber()).isNotEqualTo(second.getSerialNumber());
    }
}
