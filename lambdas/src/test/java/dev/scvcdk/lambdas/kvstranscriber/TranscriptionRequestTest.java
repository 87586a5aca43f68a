package dev.scvcdk.lambdas.kvstranscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.transcribestreaming.model.LanguageCode;
import software.amazon.awssdk.services.transcribestreaming.model.Specialty;
import software.amazon.awssdk.services.transcribestreaming.model.VocabularyFilterMethod;

/** kvsConsumerTrigger's payload: defaults, and every field refused before anything is read. */
class TranscriptionRequestTest {

    private static ObjectNode payload() {
        return Fixtures.object("kvstranscriber/kvs-transcriber.json");
    }

    @Test
    void scvsPayloadParsesWithItsDefaults() {
        ObjectNode payload = payload();
        payload.remove("languageCode");
        payload.remove("streamAudioFromCustomer");
        payload.remove("streamAudioToCustomer");
        payload.remove("engine");

        TranscriptionRequest request = TranscriptionRequest.parse(payload);

        assertThat(request.languageCode()).isEqualTo("en-US");
        assertThat(request.directions()).containsExactlyInAnyOrder(Direction.FROM_CUSTOMER, Direction.TO_CUSTOMER);
        assertThat(request.medical()).isFalse();
        assertThat(request.audioStartTimestamp()).isEqualTo(1763719200000L);
        assertThat(request.instanceId()).isEqualTo("9e4f1b0c-1234-4c5d-8e9f-0a1b2c3d4e5f");
        assertThat(request.vocabularyFilterName()).isEqualTo("profanity");
        assertThat(request.vocabularyFilterMethod()).isEqualTo("mask");
        assertThat(request.specialty()).isNull();
        assertThat(request.participantId(Direction.FROM_CUSTOMER)).isEqualTo("+14155550100");
        assertThat(request.participantId(Direction.TO_CUSTOMER)).isEqualTo("5ca32fbd-8f92-46af-92a5-6b0f970f0efe");
    }

    @Test
    void anEmptyLanguageCodeMeansEnUs() {
        assertThat(TranscriptionRequest.parse(payload().put("languageCode", "")).languageCode()).isEqualTo("en-US");
    }

    @Test
    void theLanguageListIsTranscribeStreamings() {
        Set<String> sdk = new TreeSet<>();
        LanguageCode.knownValues().forEach(code -> sdk.add(code.toString()));
        assertThat(new TreeSet<>(TranscriptionRequest.STREAMING_LANGUAGES.values())).isEqualTo(sdk).contains("es-US",
                "fr-CA", "ja-JP");
        assertThat(TranscriptionRequest.parse(payload().put("languageCode", "ES-us")).languageCode()).isEqualTo("es-US");
    }

    @Test
    void theFilterMethodAndSpecialtyListsAreTranscribeStreamings() {
        Set<String> methods = new TreeSet<>();
        VocabularyFilterMethod.knownValues().forEach(method -> methods.add(method.toString()));
        Set<String> specialties = new TreeSet<>();
        Specialty.knownValues().forEach(specialty -> specialties.add(specialty.toString()));
        assertThat(TranscriptionRequest.FILTER_METHODS).isEqualTo(methods);
        assertThat(TranscriptionRequest.SPECIALTIES).isEqualTo(specialties);
    }

    @Test
    void theFilterMethodIsLowerCasedAndSentOnlyWithAFilterName() {
        assertThat(TranscriptionRequest.parse(payload().put("vocabularyFilterMethod", "REMOVE"))
                .vocabularyFilterMethod()).isEqualTo("remove");
        ObjectNode withoutFilter = payload().put("vocabularyFilterMethod", "tag");
        withoutFilter.remove("vocabularyFilterName");
        TranscriptionRequest request = TranscriptionRequest.parse(withoutFilter);
        assertThat(request.vocabularyFilterName()).isNull();
        assertThat(request.vocabularyFilterMethod()).isNull();
    }

    @Test
    void medicalDefaultsToPrimaryCareAndTakesNoFilter() {
        TranscriptionRequest request = TranscriptionRequest.parse(payload().put("engine", "MEDICAL"));

        assertThat(request.medical()).isTrue();
        assertThat(request.specialty()).isEqualTo("PRIMARYCARE");
        assertThat(request.vocabularyFilterName()).isNull();
        assertThat(request.vocabularyFilterMethod()).isNull();
        assertThat(request.vocabularyName()).isEqualTo("products");
    }

    @Test
    void directionFlagsAcceptBooleansAndTheirStrings() {
        TranscriptionRequest request = TranscriptionRequest.parse(payload().put("streamAudioFromCustomer", "false")
                .put("streamAudioToCustomer", "true"));
        assertThat(request.directions()).containsExactly(Direction.TO_CUSTOMER);
    }

    @Test
    void theCallerNeedsNoPhoneNumberWhenOnlyTheAgentIsTranscribed() {
        ObjectNode payload = payload().put("streamAudioFromCustomer", false);
        payload.remove("customerPhoneNumber");
        assertThat(TranscriptionRequest.parse(payload).directions()).containsExactly(Direction.TO_CUSTOMER);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "streamARN|arn:aws:s3:::bucket/key|streamARN is 'arn:aws:s3:::bucket/key': must be a Kinesis Video stream ARN",
        "streamARN|''|streamARN is missing",
        "startFragmentNum|91343x|startFragmentNum is '91343x': must be a Kinesis Video fragment number",
        "audioStartTimestamp|2026-11-21T10:00:00Z|audioStartTimestamp is '2026-11-21T10:00:00Z': must be epoch milliseconds",
        "audioStartTimestamp|''|audioStartTimestamp is missing",
        "voiceCallId|''|voiceCallId is missing",
        "customerPhoneNumber|''|customerPhoneNumber is missing",
        "languageCode|en-XX|languageCode is 'en-XX': not a Transcribe streaming language",
        "engine|neural|engine is 'neural': must be standard or medical",
        "vocabularyFilterMethod|hide|vocabularyFilterMethod is 'hide': must be one of remove, mask, tag",
        "streamAudioToCustomer|maybe|streamAudioToCustomer is '\"maybe\"': must be true or false",
        "instanceARN|arn:aws:connect:us-west-2:123456789012:queue/abc|instanceARN is "
                + "'arn:aws:connect:us-west-2:123456789012:queue/abc': must be an Amazon Connect instance ARN",
    })
    void anInvalidFieldIsRefusedNamingFieldValueAndRule(String field, String value, String message) {
        assertThatThrownBy(() -> TranscriptionRequest.parse(payload().put(field, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theMedicalEngineTranscribesEnUsOnly() {
        assertThatThrownBy(() -> TranscriptionRequest.parse(payload().put("engine", "medical")
                .put("languageCode", "es-US")))
                .hasMessageContaining("languageCode is 'es-US': the medical engine transcribes en-US only");
    }

    @Test
    void anUnknownSpecialtyIsRefused() {
        assertThatThrownBy(() -> TranscriptionRequest.parse(payload().put("engine", "medical")
                .put("specialty", "DERMATOLOGY")))
                .hasMessageContaining("specialty is 'DERMATOLOGY': must be one of [CARDIOLOGY, NEUROLOGY, ONCOLOGY, "
                        + "PRIMARYCARE, RADIOLOGY, UROLOGY]");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> TranscriptionRequest.parse(payload().put("languageCode", "xx")
                .put("engine", "fast").put("voiceCallId", "")))
                .hasMessageContaining("languageCode is 'xx'")
                .hasMessageContaining("engine is 'fast'")
                .hasMessageContaining("voiceCallId is missing");
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() throws Exception {
        assertThatThrownBy(() -> TranscriptionRequest.parse(Json.read("[]")))
                .hasMessageContaining("must be a JSON object");
    }
}
