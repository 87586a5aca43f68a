package dev.scvcdk.lambdas.common.keys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few ASN.1 DER encodings an X.509 v3 certificate ({@code authkeys}) and a PKCS#8 wrapper
 * ({@link PemPrivateKeys}) need (X.690).
 *
 * <p>Written here instead of pulling in BouncyCastle, which alone would take most of the jar budget.
 * Every method returns one complete TLV (tag, length, value).
 */
public final class Der {

    private static final int TAG_BOOLEAN = 0x01;
    private static final int TAG_INTEGER = 0x02;
    private static final int TAG_BIT_STRING = 0x03;
    private static final int TAG_OCTET_STRING = 0x04;
    private static final int TAG_NULL = 0x05;
    private static final int TAG_OID = 0x06;
    private static final int TAG_UTF8_STRING = 0x0C;
    private static final int TAG_PRINTABLE_STRING = 0x13;
    private static final int TAG_UTC_TIME = 0x17;
    private static final int TAG_GENERALIZED_TIME = 0x18;
    private static final int TAG_SEQUENCE = 0x30;
    private static final int TAG_SET = 0x31;
    private static final int CONTEXT_CONSTRUCTED = 0xA0;

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    /** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on. */
    private static final Instant GENERALIZED_TIME_FROM = Instant.parse("2050-01-01T00:00:00Z");

    private Der() {
    }

    public static byte[] sequence(byte[]... elements) {
        return tlv(TAG_SEQUENCE, concat(elements));
    }

    public static byte[] set(byte[]... elements) {
        return tlv(TAG_SET, concat(elements));
    }

    /** A context-specific, constructed, EXPLICIT tag such as {@code [0]} or {@code [3]}. */
    public static byte[] explicit(int tagNumber, byte[] content) {
        if (tagNumber < 0 || tagNumber > 30) {
            throw new IllegalArgumentException("context tag must be 0..30 (low-tag-number form), was " + tagNumber);
        }
        return tlv(CONTEXT_CONSTRUCTED | tagNumber, content);
    }

    public static byte[] integer(BigInteger value) {
        // BigInteger.toByteArray is already the minimal two's-complement form DER asks for.
        return tlv(TAG_INTEGER, value.toByteArray());
    }

    public static byte[] integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    public static byte[] bool(boolean value) {
        return tlv(TAG_BOOLEAN, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    public static byte[] nullValue() {
        return tlv(TAG_NULL, new byte[0]);
    }

    /** A BIT STRING whose length is a whole number of octets (signatures, key material). */
    public static byte[] bitString(byte[] octets) {
        return bitString(octets, 0);
    }

    public static byte[] bitString(byte[] octets, int unusedBits) {
        if (unusedBits < 0 || unusedBits > 7 || (octets.length == 0 && unusedBits != 0)) {
            throw new IllegalArgumentException("unused bits must be 0..7 (0 when empty), was " + unusedBits);
        }
        byte[] content = new byte[octets.length + 1];
        content[0] = (byte) unusedBits;
        System.arraycopy(octets, 0, content, 1, octets.length);
        return tlv(TAG_BIT_STRING, content);
    }

    public static byte[] octetString(byte[] octets) {
        return tlv(TAG_OCTET_STRING, octets);
    }

    public static byte[] utf8String(String value) {
        return tlv(TAG_UTF8_STRING, value.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] printableString(String value) {
        if (!value.matches("[A-Za-z0-9 '()+,\\-./:=?]*")) {
            throw new IllegalArgumentException("not a PrintableString: " + value);
        }
        return tlv(TAG_PRINTABLE_STRING, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** An X.509 {@code Time}: UTCTime before 2050, GeneralizedTime after, always whole seconds in UTC. */
    public static byte[] time(Instant instant) {
        if (instant.getNano() != 0) {
            throw new IllegalArgumentException("X.509 times carry whole seconds, was " + instant);
        }
        if (instant.isBefore(GENERALIZED_TIME_FROM)) {
            return tlv(TAG_UTC_TIME, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(TAG_GENERALIZED_TIME, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    /** An OBJECT IDENTIFIER from its dotted form, e.g. {@code 2.5.4.3}. */
    public static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        if (arcs.length < 2) {
            throw new IllegalArgumentException("an OID has at least two arcs: " + dotted);
        }
        long first = Long.parseLong(arcs[0]);
        long second = Long.parseLong(arcs[1]);
        if (first > 2 || (first < 2 && second > 39)) {
            throw new IllegalArgumentException("invalid first arcs in OID " + dotted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, first * 40 + second);
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, Long.parseLong(arcs[i]));
        }
        return tlv(TAG_OID, out.toByteArray());
    }

    private static void writeBase128(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("OID arcs are non-negative, was " + value);
        }
        int groups = 1;
        for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
            groups++;
        }
        for (int group = groups - 1; group >= 0; group--) {
            int septet = (int) ((value >>> (7 * group)) & 0x7F);
            out.write(group == 0 ? septet : septet | 0x80);
        }
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        writeLength(out, content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        byte[] bytes = BigInteger.valueOf(length).toByteArray();
        int start = bytes[0] == 0 ? 1 : 0;
        out.write(0x80 | (bytes.length - start));
        out.write(bytes, start, bytes.length - start);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
