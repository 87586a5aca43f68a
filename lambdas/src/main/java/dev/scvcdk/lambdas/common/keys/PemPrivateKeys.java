package dev.scvcdk.lambdas.common.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
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
    private static final String RSA_ENCRYPTION_OID = "1.2.840.113549.1.1.1";

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

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: SEQUENCE { 0, rsaEncryption with NULL, OCTET STRING }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        return Der.sequence(Der.integer(0), Der.sequence(Der.oid(RSA_ENCRYPTION_OID), Der.nullValue()),
                Der.octetString(pkcs1));
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
