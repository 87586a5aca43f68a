package dev.scvcdk.lambdas.ctrsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ContactRecordDecoderTest {
    // {"ContactId":"c-1"} is 19 bytes: its base64 ends in one '=' of padding.
    private static final String PADDED = Base64.getEncoder().encodeToString("{\"ContactId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void decodesPaddedBase64Json() throws Exception {
        assertThat(PADDED).endsWith("=");
        assertThat(ContactRecordDecoder.decode(PADDED).path("ContactId").asText()).isEqualTo("c-1");
    }

    @Test
    void acceptsMissingPadding() throws Exception {
        assertThat(ContactRecordDecoder.decode(PADDED.replace("=", "")).path("ContactId").asText()).isEqualTo("c-1");
    }

    @Test
    void acceptsExtraPaddingAndLineBreaks() throws Exception {
        String sloppy = PADDED.substring(0, 8) + "\r\n" + PADDED.substring(8) + "==";
        assertThat(ContactRecordDecoder.decode(sloppy).path("ContactId").asText()).isEqualTo("c-1");
    }

    @Test
    void rejectsTextThatIsNotBase64() {
        assertThatThrownBy(() -> ContactRecordDecoder.decode("this is not base64 !!!"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("not base64");
    }

    @Test
    void rejectsBase64OfSomethingOtherThanJson() {
        String text = Base64.getEncoder().encodeToString("not json at all".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ContactRecordDecoder.decode(text)).hasMessage("record data is not JSON");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        String text = Base64.getEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ContactRecordDecoder.decode(text)).hasMessageContaining("not a contact record object");
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        String text = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b});
        assertThatThrownBy(() -> ContactRecordDecoder.decode(text)).hasMessage("record data is not UTF-8 text");
    }

    @Test
    void rejectsEmptyData() {
        assertThatThrownBy(() -> ContactRecordDecoder.decode(null)).hasMessage("record data is empty");
    }
}
