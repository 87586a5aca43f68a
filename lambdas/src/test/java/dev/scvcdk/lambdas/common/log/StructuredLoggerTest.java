package dev.scvcdk.lambdas.common.log;

import dev.scvcdk.contracts.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredLoggerTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StructuredLogger log = new StructuredLogger("Test", LogLevel.INFO,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

    private JsonNode onlyLine() throws IOException {
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        return Json.read(lines[0]);
    }

    @Test
    void writesOneJsonLineWithTheContactId() throws IOException {
        log.info("invoking SCRT", "contact-1", Map.of("methodName", "createVoiceCall"));
        JsonNode line = onlyLine();
        assertThat(line.path("timestamp").asText()).isEqualTo("2026-11-21T12:00:00Z");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("message").asText()).isEqualTo("invoking SCRT");
        assertThat(line.path("contactId").asText()).isEqualTo("contact-1");
        assertThat(line.path("methodName").asText()).isEqualTo("createVoiceCall");
    }

    @Test
    void credentialLikeFieldsAreRedacted() throws IOException {
        log.info("careless", null, Map.of("accessToken", "00Dxx!secret", "privateKey", "-----BEGIN", "Authorization", "Bearer x"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("00Dxx!secret", "BEGIN", "Bearer");
        assertThat(onlyLine().path("accessToken").asText()).isEqualTo("[REDACTED]");
    }

    @Test
    void linesBelowTheThresholdAreNotWritten() {
        log.debug("noise", "contact-1", Map.of());
        assertThat(out.size()).isZero();
    }

    @Test
    void errorsAreLoggedByTypeAndMessage() throws IOException {
        log.error("failed", "contact-1", Map.of(), new IllegalStateException("boom"));
        JsonNode line = onlyLine();
        assertThat(line.path("error").asText()).isEqualTo("IllegalStateException");
        assertThat(line.path("errorMessage").asText()).isEqualTo("boom");
    }

    @Test
    void logLevelNamesParseCaseInsensitively() {
        assertThat(LogLevel.parse("debug", LogLevel.INFO)).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.parse("WARNING", LogLevel.INFO)).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse("chatty", LogLevel.INFO)).isEqualTo(LogLevel.INFO);
    }
}
