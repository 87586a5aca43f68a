package dev.scvcdk.lambdas.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** One RSA 2048 key pair per test JVM (generation is slow), in the PEM forms SCV stores. */
public final class TestKeys {
    private static final KeyPair PAIR = generate();

    private TestKeys() {
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) PAIR.getPublic();
    }

    public static RSAPrivateKey privateKey() {
        return (RSAPrivateKey) PAIR.getPrivate();
    }

    /** A different key, for "wrong key" cases. */
    public static KeyPair otherPair() {
        return generate();
    }

    public static String pkcs8Pem() {
        return pem("PRIVATE KEY", PAIR.getPrivate().getEncoded(), "\n");
    }

    public static String pkcs1Pem(String lineEnd) {
        return pem("RSA PRIVATE KEY", pkcs1(PAIR.getPrivate().getEncoded()), lineEnd);
    }

    public static String pkcs8PemCrlf() {
        return pem("PRIVATE KEY", PAIR.getPrivate().getEncoded(), "\r\n");
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its trailing OCTET STRING. */
    static byte[] pkcs1(byte[] pkcs8) {
        int index = 0;
        index = skipHeader(pkcs8, index); // outer SEQUENCE
        index = skipElement(pkcs8, index); // version INTEGER
        index = skipElement(pkcs8, index); // AlgorithmIdentifier SEQUENCE
        if (pkcs8[index] != 0x04) {
            throw new IllegalStateException("expected OCTET STRING");
        }
        int contentStart = skipHeader(pkcs8, index);
        return Arrays.copyOfRange(pkcs8, contentStart, contentStart + length(pkcs8, index));
    }

    private static int skipHeader(byte[] der, int index) {
        int first = der[index + 1] & 0xff;
        return index + 2 + (first < 0x80 ? 0 : first & 0x7f);
    }

    private static int skipElement(byte[] der, int index) {
        return skipHeader(der, index) + length(der, index);
    }

    private static int length(byte[] der, int index) {
        int first = der[index + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int value = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            value = value << 8 | der[index + 2 + i] & 0xff;
        }
        return value;
    }

    private static String pem(String type, byte[] der, String lineEnd) {
        String body = Base64.getMimeEncoder(64, lineEnd.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----" + lineEnd + body + lineEnd + "-----END " + type + "-----" + lineEnd;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
