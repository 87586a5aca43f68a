package dev.scvcdk.lambdas.authkeys;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;

/** PEM text for the certificate and the PKCS#8 private key AuthKeysSSMUtil writes (reading is in common.keys). */
final class Pem {

    private static final Base64.Encoder ENCODER =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

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

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
