package dev.scvcdk.lambdas.common.media.kvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.testsupport.KvsMkvWriter;
import dev.scvcdk.lambdas.testsupport.KvsStub;
import dev.scvcdk.lambdas.testsupport.TestAwsClients;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading a contact's audio from Kinesis Video, against the loopback stand-in answering KVS-style MKV. */
class KvsMediaClientTest {
    static final String STREAM = "connect-contact-stream";
    static final String F1 = KvsMkvWriter.fragmentNumber(1);
    static final String F2 = KvsMkvWriter.fragmentNumber(2);
    static final byte[] CALLER = KvsMkvWriter.pcm(160, 1000);
    static final byte[] PROMPT = KvsMkvWriter.pcm(160, -7);

    private static KvsMediaClient client(KvsStub stub) {
        return new KvsMediaClient(TestAwsClients.client(AwsService.KINESIS_VIDEO, URI.create(stub.endpoint())),
                Optional.empty());
    }

    private static List<KvsMediaEvent> readAll(KvsMediaReader reader) {
        List<KvsMediaEvent> events = new ArrayList<>();
        try (reader) {
            for (Optional<KvsMediaEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
                events.add(event.get());
            }
        }
        return events;
    }

    @Test
    void deliversEachFragmentsTagsThenItsFramesWithTheirTrackNames() throws Exception {
        // GIVEN a stream of two fragments with a caller and a prompt track
        byte[] mkv = new KvsMkvWriter()
                .fragment(F1, Map.of("ContactId", "c-1")).frame(1, CALLER).frame(2, PROMPT)
                .fragment(F2, Map.of("ContactId", "c-1", "STOP_STREAMING", "true")).frame(2, PROMPT).frame(1, CALLER)
                .toBytes();
        try (KvsStub stub = new KvsStub().media(STREAM, mkv)) {
            // WHEN it is read from the first fragment
            List<KvsMediaEvent> events = readAll(client(stub).getMedia(STREAM, StartSelector.fragmentNumber(F1)));

            // THEN each fragment comes with its number and tags, before its frames, in stream order
            assertThat(events).hasSize(6);
            KvsFragment first = (KvsFragment) events.get(0);
            assertThat(first.fragmentNumber()).isEqualTo(new BigInteger(F1));
            assertThat(first.contactId()).contains("c-1");
            assertThat(first.stopStreaming()).isFalse();
            assertThat(first.tracks()).containsEntry(1L, "AUDIO_FROM_CUSTOMER").containsEntry(2L, "AUDIO_TO_CUSTOMER");
            KvsFrame caller = (KvsFrame) events.get(1);
            assertThat(caller.trackName()).isEqualTo("AUDIO_FROM_CUSTOMER");
            assertThat(caller.isFrom(AudioTrack.FROM_CUSTOMER)).isTrue();
            assertThat(caller.data()).isEqualTo(CALLER);
            assertThat(caller.fragmentNumber()).isEqualTo(new BigInteger(F1));
            KvsFrame prompt = (KvsFrame) events.get(2);
            assertThat(prompt.track()).contains(AudioTrack.TO_CUSTOMER);
            assertThat(prompt.data()).isEqualTo(PROMPT);
            KvsFragment second = (KvsFragment) events.get(3);
            assertThat(second.fragmentNumber()).isEqualTo(new BigInteger(F2));
            assertThat(second.stopStreaming()).isTrue();
            assertThat(((KvsFrame) events.get(4)).track()).contains(AudioTrack.TO_CUSTOMER);
            assertThat(((KvsFrame) events.get(5)).track()).contains(AudioTrack.FROM_CUSTOMER);
        }
    }

    @Test
    void producerTagsWrittenAfterTheFramesAreStillDeliveredBeforeThem() throws Exception {
        // GIVEN a fragment whose ContactId tag follows its Cluster
        byte[] mkv = new KvsMkvWriter().fragmentTaggedAfterFrames(F1, Map.of("ContactId", "other-contact"))
                .frame(1, CALLER).toBytes();
        try (KvsStub stub = new KvsStub().media(STREAM, mkv)) {
            // WHEN it is read
            List<KvsMediaEvent> events = readAll(client(stub).getMedia(STREAM, StartSelector.fragmentNumber(F1)));

            // THEN the fragment's tags arrive first, so a caller can stop before its audio
            assertThat(events).hasSize(2);
            assertThat(((KvsFragment) events.get(0)).contactId()).contains("other-contact");
            assertThat(events.get(1)).isInstanceOf(KvsFrame.class);
        }
    }

    @Test
    void getMediaStartsAtTheFragmentOnTheEndpointGetDataEndpointAnswersSignedAsKinesisVideo() throws Exception {
        try (KvsStub stub = new KvsStub().media(STREAM, new KvsMkvWriter().fragment(F1, Map.of()).toBytes())) {
            // WHEN the stream is read from fragment F1
            readAll(client(stub).getMedia(STREAM, StartSelector.fragmentNumber(new BigInteger(F1))));

            // THEN GetDataEndpoint asked for the GET_MEDIA endpoint, then GetMedia started at F1 (included)
            assertThat(stub.calls()).extracting(KvsStub.Call::path).containsExactly("/getDataEndpoint", "/getMedia");
            KvsStub.Call endpoint = stub.calls().get(0);
            assertThat(endpoint.request().toString())
                    .isEqualTo("{\"StreamName\":\"" + STREAM + "\",\"APIName\":\"GET_MEDIA\"}");
            KvsStub.Call media = stub.calls().get(1);
            assertThat(media.request().toString()).isEqualTo("{\"StreamName\":\"" + STREAM + "\",\"StartSelector\":"
                    + "{\"StartSelectorType\":\"FRAGMENT_NUMBER\",\"AfterFragmentNumber\":\"" + F1 + "\"}}");
            // AND both are signed for the kinesisvideo service
            assertThat(stub.calls()).extracting(KvsStub.Call::signingService).containsOnly("kinesisvideo");
        }
    }

    @Test
    void theNowSelectorAsksForTheNewestMedia() throws Exception {
        try (KvsStub stub = new KvsStub().media(STREAM, new KvsMkvWriter().fragment(F1, Map.of()).toBytes())) {
            readAll(client(stub).getMedia(STREAM, StartSelector.now()));

            assertThat(stub.calls("/getMedia").get(0).request().path("StartSelector").toString())
                    .isEqualTo("{\"StartSelectorType\":\"NOW\"}");
        }
    }

    @Test
    void aMediaEndpointOverrideReplacesTheAnsweredDataEndpoint() throws Exception {
        try (KvsStub control = new KvsStub().media(STREAM, new byte[0]).answerDataEndpoint("http://127.0.0.1:9");
             KvsStub media = new KvsStub().media(STREAM, new KvsMkvWriter().fragment(F1, Map.of())
                     .frame(1, CALLER).toBytes())) {
            // GIVEN AWS_ENDPOINT_URL_KINESIS_VIDEO_MEDIA pointing at another stand-in
            KvsMediaClient client = new KvsMediaClient(
                    TestAwsClients.client(AwsService.KINESIS_VIDEO, URI.create(control.endpoint())),
                    Optional.of(URI.create(media.endpoint())));

            // WHEN the stream is read
            List<KvsMediaEvent> events = readAll(client.getMedia(STREAM, StartSelector.now()));

            // THEN GetMedia went to the override, not to the (unreachable) answered endpoint
            assertThat(events).hasSize(2);
            assertThat(control.calls()).extracting(KvsStub.Call::path).containsExactly("/getDataEndpoint");
            assertThat(media.calls()).extracting(KvsStub.Call::path).containsExactly("/getMedia");
        }
    }

    @Test
    @Timeout(30)
    void closingTheReaderMidStreamHangsUpOnALiveStream() throws Exception {
        // GIVEN a live stream that keeps sending fragments
        byte[] head = new KvsMkvWriter().fragment(F1, Map.of()).frame(1, CALLER).toBytes();
        byte[] tail = new KvsMkvWriter().fragment(F2, Map.of()).frame(1, CALLER).toBytes();
        try (KvsStub stub = new KvsStub().liveMedia(STREAM, head, tail)) {
            // WHEN the caller reads up to the second fragment and stops
            try (KvsMediaReader reader = client(stub).getMedia(STREAM, StartSelector.fragmentNumber(F1))) {
                assertThat(((KvsFragment) reader.next().orElseThrow()).fragmentNumber()).isEqualTo(new BigInteger(F1));
                assertThat(reader.next().orElseThrow()).isInstanceOf(KvsFrame.class);
                assertThat(((KvsFragment) reader.next().orElseThrow()).fragmentNumber()).isEqualTo(new BigInteger(F2));
            }

            // THEN the connection is closed rather than read to the stream's end
            assertThat(stub.clientHungUp()).isTrue();
        }
    }

    @Test
    void anErrorChunkInTheStreamFailsTheRead() throws Exception {
        byte[] mkv = new KvsMkvWriter().fragment(F1, Map.of()).frame(1, CALLER)
                .error(F2, "KMS_ACCESS_DENIED").toBytes();
        try (KvsStub stub = new KvsStub().media(STREAM, mkv)) {
            KvsMediaReader reader = client(stub).getMedia(STREAM, StartSelector.fragmentNumber(F1));

            assertThatThrownBy(() -> readAll(reader)).isInstanceOf(KvsMediaException.class)
                    .hasMessageContaining("KMS_ACCESS_DENIED").hasMessageContaining(F2);
        }
    }

    @Test
    void aConnectionLostMidBodyFailsTheReadInsteadOfEndingIt() throws Exception {
        byte[] mkv = new KvsMkvWriter().fragment(F1, Map.of()).frame(1, CALLER)
                .fragment(F2, Map.of()).frame(1, CALLER).toBytes();
        try (KvsStub stub = new KvsStub().media(STREAM, mkv).cutAfter(STREAM, mkv.length - 100)) {
            KvsMediaReader reader = client(stub).getMedia(STREAM, StartSelector.fragmentNumber(F1));

            assertThatThrownBy(() -> readAll(reader)).isInstanceOf(KvsMediaException.class);
        }
    }

    @Test
    @Timeout(30)
    void aConnectionThatGoesSilentFailsTheReadAfterTheIdleTimeInsteadOfWaitingForTheFunctionsTimeout()
            throws Exception {
        // GIVEN a stream whose connection sends one fragment and then nothing, never ending (half-open)
        byte[] mkv = new KvsMkvWriter().fragment(F1, Map.of()).frame(1, CALLER).toBytes();
        try (KvsStub stub = new KvsStub().media(STREAM, mkv).silentAfterMedia(STREAM)) {
            KvsMediaClient client = new KvsMediaClient(TestAwsClients.client(AwsService.KINESIS_VIDEO,
                    URI.create(stub.endpoint())), Optional.empty(), Duration.ofMillis(300));
            // WHEN read past the fragment
            KvsMediaReader reader = client.getMedia(STREAM, StartSelector.fragmentNumber(F1));
            // THEN the read fails, naming the silence, rather than ending as if the stream had ended
            assertThatThrownBy(() -> readAll(reader)).isInstanceOf(KvsMediaException.class)
                    .hasMessageContaining("no media bytes for 300 ms");
        }
    }

    @Test
    void throttlingAndServerErrorsBeforeTheBodyAreRetried() throws Exception {
        try (KvsStub stub = new KvsStub().media(STREAM, new KvsMkvWriter().fragment(F1, Map.of()).toBytes())
                .failGetMedia(400, 500).failGetDataEndpoint(503)) {
            List<KvsMediaEvent> events = readAll(client(stub).getMedia(STREAM, StartSelector.fragmentNumber(F1)));

            assertThat(events).hasSize(1);
            assertThat(stub.calls("/getDataEndpoint")).hasSize(2);
            assertThat(stub.calls("/getMedia")).hasSize(3);
        }
    }

    @Test
    void anUnknownStreamFailsWithTheServiceErrorCodeWithoutRetrying() throws Exception {
        try (KvsStub stub = new KvsStub().media("another-stream", new byte[0])) {
            assertThatThrownBy(() -> client(stub).getMedia(STREAM, StartSelector.now()))
                    .isInstanceOfSatisfying(AwsApiException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                        assertThat(e.operation()).isEqualTo("GetDataEndpoint");
                    });
            assertThat(stub.calls()).hasSize(1);
        }
    }

    @Test
    void aGetMediaRefusalCarriesTheMediaApisErrorType() throws Exception {
        try (KvsStub stub = new KvsStub().media(STREAM, new byte[0]).failGetMedia(404)) {
            assertThatThrownBy(() -> client(stub).getMedia(STREAM, StartSelector.now()))
                    .isInstanceOfSatisfying(AwsApiException.class, e -> {
                        assertThat(e.operation()).isEqualTo("GetMedia");
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.errorCode()).isEqualTo("InternalFailure");
                    });
            assertThat(stub.calls("/getMedia")).hasSize(1);
        }
    }

    @Test
    void theStreamNameIsTheTextBetweenTheFirstAndLastSlashOfTheArn() {
        assertThat(KvsMediaClient.streamName(
                "arn:aws-us-gov:kinesisvideo:us-gov-west-1:111122223333:stream/tenant-connect-contact-1/1763719200000"))
                .isEqualTo("tenant-connect-contact-1");
        assertThatThrownBy(() -> KvsMediaClient.streamName("tenant-bucket/voicemail/c.wav"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant-bucket/voicemail/c.wav");
    }

    @Test
    void aFragmentNumberSelectorNeedsDecimalDigits() {
        assertThatThrownBy(() -> StartSelector.fragmentNumber("12ab"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'12ab'");
    }

    @Test
    void theLegacySingleTrackIsTheCallerOnlyWhenItIsTheOnlyTrack() {
        assertThat(AudioTrack.of("Track_audio/L16", 1)).contains(AudioTrack.FROM_CUSTOMER);
        assertThat(AudioTrack.of("Track_audio/L16", 2)).isEmpty();
        assertThat(AudioTrack.of("AUDIO_TO_CUSTOMER", 2)).contains(AudioTrack.TO_CUSTOMER);
        assertThat(AudioTrack.of("Track_video", 1)).isEmpty();
    }

    @Test
    void aLoneLegacyTrackStreamDeliversCallerFrames() throws Exception {
        byte[] mkv = new KvsMkvWriter().tracks("Track_audio/L16").fragment(F1, Map.of()).frame(1, CALLER).toBytes();
        try (KvsStub stub = new KvsStub().media(STREAM, mkv)) {
            List<KvsMediaEvent> events = readAll(client(stub).getMedia(STREAM, StartSelector.now()));

            assertThat(((KvsFrame) events.get(1)).isFrom(AudioTrack.FROM_CUSTOMER)).isTrue();
        }
    }
}
