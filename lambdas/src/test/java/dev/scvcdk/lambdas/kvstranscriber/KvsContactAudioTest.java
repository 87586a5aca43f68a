package dev.scvcdk.lambdas.kvstranscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.http.RetryingHttpClient;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.media.kvs.KvsMediaClient;
import dev.scvcdk.lambdas.common.media.kvs.StartSelector;
import dev.scvcdk.lambdas.kvstranscriber.ContactAudio.AudioEnd;
import dev.scvcdk.lambdas.testsupport.AwsJsonStub;
import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.CapturingLog;
import dev.scvcdk.lambdas.testsupport.ConnectStub;
import dev.scvcdk.lambdas.testsupport.Fixtures;
import dev.scvcdk.lambdas.testsupport.KvsMkvWriter;
import dev.scvcdk.lambdas.testsupport.KvsStub;
import dev.scvcdk.lambdas.testsupport.ScrtStub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import dev.scvcdk.lambdas.testsupport.TestKeys;
import dev.scvcdk.lambdas.testsupport.TranscribeStreamingStub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kvsTranscriber's audio from Kinesis Video: GetMedia on the stand-in answering KVS-style MKV fragments with two
 * tracks and Connect's tags, through the reader, into the Transcribe streaming stand-in and on to SCRT.
 */
class KvsContactAudioTest {
    private static final String STREAM = "cc-contact-5ca32fbd";
    private static final String CONTACT = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";
    private static final String START = "91343852333181432392682062607743920146264440123";

    private KvsStub kvs;
    private KvsContactAudio audio;

    @BeforeEach
    void start() throws IOException {
        kvs = new KvsStub();
        audio = new KvsContactAudio(new KvsMediaClient(
                TestAwsClients.client(AwsService.KINESIS_VIDEO, URI.create(kvs.endpoint())), Optional.empty()));
    }

    @AfterEach
    void stop() {
        kvs.close();
    }

    private static byte[] text(String said) {
        return said.getBytes(StandardCharsets.UTF_8);
    }

    /** What a sink was given, in order: {@code FROM_CUSTOMER:hello}, {@code end TO_CUSTOMER OTHER_CONTACT}. */
    private static final class RecordingSink implements ContactAudio.FrameSink {
        final List<String> seen = new ArrayList<>();

        @Override
        public void frame(Direction direction, byte[] pcm) {
            seen.add(direction + ":" + new String(pcm, StandardCharsets.UTF_8));
        }

        @Override
        public void end(Direction direction, AudioEnd reason) {
            seen.add("end " + direction + " " + reason);
        }
    }

    private static AudioRequest request(Direction... directions) {
        return new AudioRequest("arn:aws:kinesisvideo:us-west-2:123456789012:stream/" + STREAM + "/1763719200000",
                StartSelector.fragmentNumber(START), CONTACT, EnumSet.of(directions[0], directions));
    }

    @Test
    void givenTheContactsFragmentsThenAnotherContacts_whenStreamed_thenBothTracksArriveAndTheOtherContactsFramesDoNot()
            throws Exception {
        kvs.media(STREAM, new KvsMkvWriter()
                .fragment(START, Map.of("ContactId", CONTACT)).frame(1, text("hello")).frame(2, text("welcome"))
                .fragment(KvsMkvWriter.fragmentNumber(2), Map.of("ContactId", CONTACT)).frame(1, text("my order"))
                .fragment(KvsMkvWriter.fragmentNumber(3), Map.of("ContactId", "next-contact"))
                .frame(1, text("not this call"))
                .toBytes());
        RecordingSink sink = new RecordingSink();

        audio.stream(request(Direction.FROM_CUSTOMER, Direction.TO_CUSTOMER), sink);

        assertThat(sink.seen).containsExactly("FROM_CUSTOMER:hello", "TO_CUSTOMER:welcome", "FROM_CUSTOMER:my order",
                "end FROM_CUSTOMER OTHER_CONTACT", "end TO_CUSTOMER OTHER_CONTACT");
        JsonNode getMedia = kvs.calls("/getMedia").get(0).request();
        assertThat(getMedia.path("StreamName").asText()).isEqualTo(STREAM);
        assertThat(getMedia.path("StartSelector").path("StartSelectorType").asText()).isEqualTo("FRAGMENT_NUMBER");
        assertThat(getMedia.path("StartSelector").path("AfterFragmentNumber").asText()).isEqualTo(START);
    }

    @Test
    void givenAStopStreamingFragment_whenStreamed_thenEveryDirectionEndsThereWithoutItsFrames() throws Exception {
        kvs.media(STREAM, new KvsMkvWriter()
                .fragment(START, Map.of("ContactId", CONTACT)).frame(1, text("hello"))
                .fragment(KvsMkvWriter.fragmentNumber(2), Map.of("ContactId", CONTACT, "STOP_STREAMING", "true"))
                .frame(1, text("after the stop"))
                .toBytes());
        RecordingSink sink = new RecordingSink();

        audio.stream(request(Direction.FROM_CUSTOMER, Direction.TO_CUSTOMER), sink);

        assertThat(sink.seen).containsExactly("FROM_CUSTOMER:hello", "end FROM_CUSTOMER STOP_STREAMING",
                "end TO_CUSTOMER STOP_STREAMING");
    }

    @Test
    void givenOnlyTheCallersDirection_whenStreamed_thenTheAgentsTrackIsNotDeliveredAndTheEndIsTheStreams()
            throws Exception {
        kvs.media(STREAM, new KvsMkvWriter()
                .fragment(START, Map.of("ContactId", CONTACT)).frame(1, text("hello")).frame(2, text("welcome"))
                .toBytes());
        RecordingSink sink = new RecordingSink();

        audio.stream(request(Direction.FROM_CUSTOMER), sink);

        assertThat(sink.seen).containsExactly("FROM_CUSTOMER:hello", "end FROM_CUSTOMER END_OF_STREAM");
    }

    @Test
    void givenALoneLegacyTrack_whenStreamed_thenItIsTheCaller() throws Exception {
        kvs.media(STREAM, new KvsMkvWriter().tracks("Track_audio/L16")
                .fragment(START, Map.of("ContactId", CONTACT)).frame(1, text("hello"))
                .toBytes());
        RecordingSink sink = new RecordingSink();

        audio.stream(request(Direction.FROM_CUSTOMER, Direction.TO_CUSTOMER), sink);

        assertThat(sink.seen).containsExactly("FROM_CUSTOMER:hello", "end FROM_CUSTOMER END_OF_STREAM",
                "end TO_CUSTOMER END_OF_STREAM");
    }

    @Test
    void givenGetMediaRefused_whenStreamed_thenItFailsNamingTheContactAndTheStream() {
        kvs.media(STREAM, new KvsMkvWriter().fragment(START, Map.of()).toBytes()).failGetMedia(403, 403, 403, 403);

        assertThatThrownBy(() -> audio.stream(request(Direction.FROM_CUSTOMER), new RecordingSink()))
                .isInstanceOf(ContactAudioException.class)
                .hasMessageContaining(CONTACT).hasMessageContaining(STREAM);
    }

    /** The whole audio path: kvsConsumerTrigger's payload → GetMedia → one session per direction → SCRT. */
    @Test
    void givenKvsMediaOfTwoTracks_whenTheTranscriberRuns_thenEachTracksSpeechReachesScrtAsItsSendersMessages()
            throws Exception {
        kvs.media(STREAM, new KvsMkvWriter()
                .fragment(START, Map.of("ContactId", CONTACT)).frame(1, text("hello I need help"))
                .frame(2, text("how can I help"))
                .fragment(KvsMkvWriter.fragmentNumber(2), Map.of("ContactId", CONTACT))
                .frame(1, text("my order is late"))
                .fragment(KvsMkvWriter.fragmentNumber(3), Map.of("ContactId", "next-contact"))
                .frame(1, text("not this call"))
                .toBytes());
        String org = "00D5e000000AbCdEAA";
        try (TranscribeStreamingStub transcribe = new TranscribeStreamingStub();
                ScrtStub scrt = new ScrtStub(TestKeys.publicKey(), org, "acmecc");
                ConnectStub connect = new ConnectStub();
                AwsJsonStub ssm = new AwsJsonStub()) {
            ssm.putParameter("acmecc-scrt-jwt-auth-private-key", TestKeys.pkcs8Pem());
            try (AwsSystemProperties properties = AwsSystemProperties.with(Map.of(
                    "aws.endpointUrlTranscribeStreaming", transcribe.endpoint(),
                    "aws.endpointUrlConnect", connect.endpoint(), "aws.endpointUrlSsm", ssm.endpoint()))) {
                CapturingLog log = new CapturingLog();
                RetryingHttpClient http = new RetryingHttpClient(HttpClient.newHttpClient(),
                        KvsTranscriberWiring.MESSAGE_RETRIES, Duration.ofSeconds(5), delay -> { }, Clock.systemUTC(),
                        () -> 0.5, log.logger());
                KvsTranscriberHandler handler = new KvsTranscriberHandler(KvsTranscriberWiring.prepare(Map.of(
                        EnvVar.PRIVATE_KEY_PARAM_NAME, "acmecc-scrt-jwt-auth-private-key",
                        EnvVar.SALESFORCE_ORG_ID, org, EnvVar.SCRT_ENDPOINT_BASE, scrt.baseUrl(),
                        EnvVar.CALL_CENTER_API_NAME, "acmecc"), audio, http, delay -> { }, SecureRandom::new, 0)
                        .service());

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(Json.write(
                        Fixtures.object("kvstranscriber/kvs-transcriber.json")).getBytes(StandardCharsets.UTF_8)),
                        out, null);

                assertThat(Json.read(out.toString(StandardCharsets.UTF_8)))
                        .isEqualTo(Json.read("{\"result\":\"Success\"}"));
                List<String> said = scrt.accepted().stream().map(request -> {
                    try {
                        JsonNode body = Json.read(request.body());
                        return body.path("senderType").asText() + ":" + body.path("content").asText();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
                assertThat(said).containsExactlyInAnyOrder("END_USER:hello I need help",
                        "END_USER:my order is late", "VIRTUAL_AGENT:how can I help");
                assertThat(said.indexOf("END_USER:hello I need help"))
                        .isLessThan(said.indexOf("END_USER:my order is late"));
                assertThat(scrt.problems()).isEmpty();
                assertThat(transcribe.sessions()).hasSize(2);
            }
        }
    }
}
