package dev.scvcdk.lambdas.authkeys;

import dev.scvcdk.lambdas.common.keys.Der;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Issues the self-signed CA certificate Salesforce is given for the SCRT key pair, the same subject SCV's own
 * function writes: {@code C=US, ST=CA, L=San Francisco, O=salesforce.com, OU=<unit>, CN=www.salesforce.com}.
 *
 * <p>The TBSCertificate is DER-encoded here and signed with {@link Signature} (SHA256withRSA), so no
 * certificate library has to ship in the jar. Extensions: BasicConstraints {@code CA:true} and KeyUsage
 * (digitalSignature, keyCertSign, cRLSign), both critical, and the SubjectKeyIdentifier a CA must carry
 * (RFC 5280 4.2.1.2, method 1).
 */
final class SelfSignedCertificate {

    static final String COUNTRY = "US";
    static final String STATE = "CA";
    static final String LOCALITY = "San Francisco";
    static final String ORGANIZATION = "salesforce.com";
    static final String COMMON_NAME = "www.salesforce.com";

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String OID_COUNTRY = "2.5.4.6";
    private static final String OID_STATE = "2.5.4.8";
    private static final String OID_LOCALITY = "2.5.4.7";
    private static final String OID_ORGANIZATION = "2.5.4.10";
    private static final String OID_ORGANIZATIONAL_UNIT = "2.5.4.11";
    private static final String OID_COMMON_NAME = "2.5.4.3";
    private static final String OID_SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String OID_KEY_USAGE = "2.5.29.15";
    private static final String OID_BASIC_CONSTRAINTS = "2.5.29.19";
    /** digitalSignature (bit 0), keyCertSign (bit 5), cRLSign (bit 6): 1000 0110, last bit unused. */
    private static final byte KEY_USAGE_BITS = (byte) 0x86;
    private static final int KEY_USAGE_UNUSED_BITS = 1;
    private static final int SERIAL_BITS = 128;

    private SelfSignedCertificate() {
    }

    /**
     * Issues the certificate for {@code keyPair}, valid from {@code notBefore} (truncated to the second) for
     * {@code validDays} days.
     *
     * @return the DER encoding of the signed certificate
     */
    static byte[] issue(KeyPair keyPair, String organizationalUnit, Instant notBefore, int validDays,
                        SecureRandom random) {
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.plus(Duration.ofDays(validDays));
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] name = distinguishedName(organizationalUnit);
        byte[] subjectPublicKeyInfo = keyPair.getPublic().getEncoded();

        byte[] tbsCertificate = Der.sequence(
                Der.explicit(0, Der.integer(2)), // v3
                Der.integer(serialNumber(random)),
                algorithm,
                name,
                Der.sequence(Der.time(from), Der.time(until)),
                name,
                subjectPublicKeyInfo,
                Der.explicit(3, Der.sequence(
                        extension(OID_BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
                        extension(OID_KEY_USAGE, true,
                                Der.bitString(new byte[] {KEY_USAGE_BITS}, KEY_USAGE_UNUSED_BITS)),
                        extension(OID_SUBJECT_KEY_IDENTIFIER, false,
                                Der.octetString(keyIdentifier(subjectPublicKeyInfo))))));

        return Der.sequence(tbsCertificate, algorithm, Der.bitString(sign(tbsCertificate, keyPair)));
    }

    private static byte[] distinguishedName(String organizationalUnit) {
        return Der.sequence(
                attribute(OID_COUNTRY, Der.printableString(COUNTRY)),
                attribute(OID_STATE, Der.utf8String(STATE)),
                attribute(OID_LOCALITY, Der.utf8String(LOCALITY)),
                attribute(OID_ORGANIZATION, Der.utf8String(ORGANIZATION)),
                attribute(OID_ORGANIZATIONAL_UNIT, Der.utf8String(organizationalUnit)),
                attribute(OID_COMMON_NAME, Der.utf8String(COMMON_NAME)));
    }

    private static byte[] attribute(String oid, byte[] value) {
        return Der.set(Der.sequence(Der.oid(oid), value));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                // DER omits a BOOLEAN that equals its DEFAULT (critical FALSE).
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    /** A positive serial of at most 17 octets, never zero (RFC 5280 4.1.2.2). */
    private static BigInteger serialNumber(SecureRandom random) {
        return new BigInteger(SERIAL_BITS, random).add(BigInteger.ONE);
    }

    /** SHA-1 of the subjectPublicKey BIT STRING's value, RFC 5280 4.2.1.2 method (1). */
    private static byte[] keyIdentifier(byte[] subjectPublicKeyInfo) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(subjectPublicKeyBits(subjectPublicKeyInfo));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /**
     * The key bits inside {@code SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING }}: skip the
     * outer header and the algorithm TLV, then the BIT STRING header and its unused-bits octet.
     */
    private static byte[] subjectPublicKeyBits(byte[] spki) {
        int offset = skipHeader(spki, 0);
        offset = skipHeader(spki, offset) + contentLength(spki, offset);
        int bitsStart = skipHeader(spki, offset) + 1;
        int bitsEnd = skipHeader(spki, offset) + contentLength(spki, offset);
        byte[] bits = new byte[bitsEnd - bitsStart];
        System.arraycopy(spki, bitsStart, bits, 0, bits.length);
        return bits;
    }

    private static int skipHeader(byte[] der, int offset) {
        int first = der[offset + 1] & 0xFF;
        return offset + 2 + (first < 0x80 ? 0 : first & 0x7F);
    }

    private static int contentLength(byte[] der, int offset) {
        int first = der[offset + 1] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7F); i++) {
            length = (length << 8) | (der[offset + 2 + i] & 0xFF);
        }
        return length;
    }

    private static byte[] sign(byte[] tbsCertificate, KeyPair keyPair) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keyPair.getPrivate());
            signature.update(tbsCertificate);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the certificate with SHA256withRSA", e);
        }
    }
}
