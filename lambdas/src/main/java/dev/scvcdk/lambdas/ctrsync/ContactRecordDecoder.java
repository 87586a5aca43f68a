package dev.scvcdk.lambdas.ctrsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decodes a Kinesis record's data: base64 (missing or extra padding accepted) of a UTF-8 JSON object. */
public final class ContactRecordDecoder {
    private ContactRecordDecoder() {
    }

    public static JsonNode decode(String data) throws MalformedRecordException {
        if (data == null || data.isBlank()) {
            throw new MalformedRecordException("record data is empty");
        }
        String compact = data.replaceAll("\\s", "");
        int end = compact.length();
        while (end > 0 && compact.charAt(end - 1) == '=') {
            end--;
        }
        String unpadded = compact.substring(0, end);
        if (unpadded.length() % 4 == 1) {
            throw new MalformedRecordException("record data is not base64 (impossible length)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(unpadded + "==".substring(0, (4 - unpadded.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("record data is not base64: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRecordException("record data is not UTF-8 text");
        }
        JsonNode node;
        try {
            node = Json.read(text);
        } catch (IOException e) {
            throw new MalformedRecordException("record data is not JSON");
        }
        if (!node.isObject()) {
            throw new MalformedRecordException("record data is JSON " + node.getNodeType() + ", not a contact record object");
        }
        return node;
    }
}
