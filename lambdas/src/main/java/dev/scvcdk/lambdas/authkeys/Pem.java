package dev.scvcdk.lambdas.authkeys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM text for certificates and RSA private keys (PKCS#8 written; PKCS#8 or PKCS#1 read, LF or CRLF). */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final Base64.Encoder ENCODER =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

    private Pem() {
    }

    static String certificate(byte[] der) {
        return block("CERTIFICATE", der);
    }

    static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("expected a PKCS#8 private key, was " + key.getFormat());
        }
        return block("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Reads an RSA private key and derives its public half, so a certificate can be re-issued for a key that is
     * already stored. The exception never quotes the text: it is a secret.
     */
    static KeyPair readRsaKeyPair(String pem) {
        Matcher matcher = BLOCK.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("the value is not a PEM block");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not valid base64");
        }
        byte[] pkcs8 = switch (matcher.group(1)) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> Der.sequence(
                    Der.integer(0), Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()), Der.octetString(der));
            default -> throw new IllegalArgumentException(
                    "expected a PRIVATE KEY or RSA PRIVATE KEY PEM block, was " + matcher.group(1));
        };
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("the RSA key lacks its CRT parameters (public exponent)");
            }
            BigInteger modulus = crt.getModulus();
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(modulus, crt.getPublicExponent())), crt);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM block is not a readable RSA private key");
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
