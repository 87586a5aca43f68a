package dev.scvcdk.lambdas.common.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerTest {

    private static String hex(byte[] der) {
        return HexFormat.of().withUpperCase().formatHex(der);
    }

    @Test
    void encodesAnOidWithMultiByteArcs() {
        // sha256WithRSAEncryption, as X.690 8.19 encodes it
        assertThat(hex(Der.oid("1.2.840.113549.1.1.11"))).isEqualTo("06092A864886F70D01010B");
        assertThat(hex(Der.oid("2.5.29.19"))).isEqualTo("0603551D13");
    }

    @Test
    void encodesIntegersInMinimalTwosComplement() {
        assertThat(hex(Der.integer(0))).isEqualTo("020100");
        assertThat(hex(Der.integer(127))).isEqualTo("02017F");
        // a leading zero octet keeps 128 positive
        assertThat(hex(Der.integer(BigInteger.valueOf(128)))).isEqualTo("02020080");
    }

    @Test
    void usesTheLongLengthFormFrom128OctetsOn() {
        assertThat(hex(Der.octetString(new byte[127]))).startsWith("047F");
        assertThat(hex(Der.octetString(new byte[200]))).startsWith("0481C8");
        assertThat(hex(Der.octetString(new byte[300]))).startsWith("0482012C");
    }

    @Test
    void encodesTimesAsUtcTimeBefore2050AndGeneralizedTimeAfter() {
        assertThat(new String(Der.time(Instant.parse("2026-11-21T13:05:09Z")), 2, 13))
                .isEqualTo("261121130509Z");
        assertThat(Der.time(Instant.parse("2026-11-21T13:05:09Z"))[0]).isEqualTo((byte) 0x17);
        assertThat(new String(Der.time(Instant.parse("2050-01-01T00:00:00Z")), 2, 15))
                .isEqualTo("20500101000000Z");
        assertThat(Der.time(Instant.parse("2050-01-01T00:00:00Z"))[0]).isEqualTo((byte) 0x18);
    }

    @Test
    void encodesBooleansNullAndBitStrings() {
        assertThat(hex(Der.bool(true))).isEqualTo("0101FF");
        assertThat(hex(Der.bool(false))).isEqualTo("010100");
        assertThat(hex(Der.nullValue())).isEqualTo("0500");
        assertThat(hex(Der.bitString(new byte[] {(byte) 0x86}, 1))).isEqualTo("03020186");
    }

    @Test
    void wrapsExplicitContextTagsAndConstructedTypes() {
        assertThat(hex(Der.explicit(0, Der.integer(2)))).isEqualTo("A003020102");
        assertThat(hex(Der.sequence(Der.integer(1), Der.nullValue()))).isEqualTo("300502010105" + "00");
        assertThat(hex(Der.set(Der.utf8String("CA")))).isEqualTo("31040C024341");
    }

    @Test
    void refusesValuesDerCannotCarry() {
        assertThatThrownBy(() -> Der.printableString("Zürich")).hasMessageContaining("not a PrintableString");
        assertThatThrownBy(() -> Der.time(Instant.parse("2026-01-01T00:00:00.5Z")))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> Der.oid("3.1")).hasMessageContaining("invalid first arcs");
    }
}
