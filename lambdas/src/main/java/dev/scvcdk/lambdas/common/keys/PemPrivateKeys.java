package dev.scvcdk.lambdas.common.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an RSA private key from PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}), LF or CRLF line ends, and line breaks stored as literal {@code \n}.
 * A secret stored as a JSON object is searched for its first string field holding a PEM key.
 *
 * <p>PKCS#1 is wrapped into a PKCS#8 structure (the JDK reads only PKCS#8), which avoids a crypto provider
 * dependency. Error messages never include key material.
 */
public final class PemPrivateKeys {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA )?PRIVATE KEY-----(.*?)-----END (RSA )?PRIVATE KEY-----", Pattern.DOTALL);
    /** AlgorithmIdentifier for rsaEncryption (OID 1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM_IDENTIFIER = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PemPrivateKeys() {
    }

    /**
     * @param text  the stored value
     * @param label the parameter or secret it came from, for error messages
     */
    public static RSAPrivateKey parse(String text, String label) {
        String pem = extractPem(text, label);
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new SecureValueException(label + " does not hold a PEM RSA private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
        }
        boolean pkcs1 = matcher.group(1) != null;
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new SecureValueException(label + " holds a PEM block that is not valid base64");
        }
        byte[] pkcs8 = pkcs1 ? wrapPkcs1(der) : der;
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new SecureValueException(label + " holds a PEM block that is not an RSA private key ("
                    + (pkcs1 ? "PKCS#1" : "PKCS#8") + ")");
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: SEQUENCE { 0, rsaEncryption, OCTET STRING }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(length >>> (8 * i) & 0xff);
        }
    }

    private static String extractPem(String text, String label) {
        if (text == null) {
            throw new SecureValueException(label + " is empty");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = Json.read(trimmed);
                for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                    JsonNode value = it.next();
                    if (value.isTextual() && value.asText().contains("PRIVATE KEY-----")) {
                        return unescape(value.asText());
                    }
                }
            } catch (java.io.IOException e) {
                throw new SecureValueException(label + " starts with '{' but is not a JSON object");
            }
            throw new SecureValueException(label + " is a JSON object without a PEM private key field");
        }
        return unescape(trimmed);
    }

    private static String unescape(String pem) {
        return pem.replace("\\r", "\r").replace("\\n", "\n");
    }
}
