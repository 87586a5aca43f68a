package dev.scvcdk.lambdas.common.media.kvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.AwsEndpoints;
import dev.scvcdk.lambdas.common.aws.AwsService;
import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a Kinesis video stream's media: Kinesis Video {@code GetDataEndpoint {StreamName, APIName: GET_MEDIA}},
 * then {@code GetMedia {StreamName, StartSelector}} on the endpoint it answers (or on
 * {@code AWS_ENDPOINT_URL_KINESIS_VIDEO_MEDIA} when set), both SigV4-signed as {@code kinesisvideo} through
 * {@link AwsApiClient} (the SDK's Kinesis Video clients are not used). GetDataEndpoint and GetMedia's answer
 * are retried on throttling, 5xx and transport failures; once the media body flows nothing is retried, and a body
 * that goes silent fails the read ({@link #MEDIA_IDLE_TIMEOUT}).
 *
 * <p>Thread-safe; built once per container. IAM: {@code kinesisvideo:GetDataEndpoint} and
 * {@code kinesisvideo:GetMedia} on the stream, and {@code kms:Decrypt} of the stream's key when it has one.
 */
public final class KvsMediaClient {
    /** Until GetMedia's response headers arrive (the body then streams for as long as the caller reads). */
    static final Duration GET_MEDIA_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long a read of the media body may wait for a byte before the connection is taken as lost. Kinesis Video
     * ends a GetMedia after a few seconds without a new fragment, and live audio sends one every few seconds.
     */
    static final Duration MEDIA_IDLE_TIMEOUT = Duration.ofSeconds(20);

    private final AwsApiClient controlPlane;
    private final Optional<URI> mediaEndpointOverride;
    private final Duration mediaIdleTimeout;

    /**
     * @param controlPlane          a {@link AwsService#KINESIS_VIDEO} client (its region, credentials and HTTP
     *                              client also serve the media calls)
     * @param mediaEndpointOverride where GetMedia goes instead of the endpoint GetDataEndpoint answers
     */
    public KvsMediaClient(AwsApiClient controlPlane, Optional<URI> mediaEndpointOverride) {
        this(controlPlane, mediaEndpointOverride, MEDIA_IDLE_TIMEOUT);
    }

    /** As the public constructor, with another {@link #MEDIA_IDLE_TIMEOUT}. */
    KvsMediaClient(AwsApiClient controlPlane, Optional<URI> mediaEndpointOverride, Duration mediaIdleTimeout) {
        this.mediaIdleTimeout = Objects.requireNonNull(mediaIdleTimeout, "mediaIdleTimeout");
        this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
        if (controlPlane.service() != AwsService.KINESIS_VIDEO) {
            throw new IllegalArgumentException("controlPlane is a " + controlPlane.service() + " client: must be "
                    + AwsService.KINESIS_VIDEO);
        }
        this.mediaEndpointOverride = Objects.requireNonNull(mediaEndpointOverride, "mediaEndpointOverride");
    }

    /**
     * From the default chains: {@code AWS_REGION}, the function's credentials, {@code AWS_ENDPOINT_URL_KINESIS_VIDEO}
     * and {@code AWS_ENDPOINT_URL_KINESIS_VIDEO_MEDIA}.
     *
     * @throws dev.scvcdk.lambdas.common.env.ConfigurationException when the region or an endpoint setting is bad
     */
    public static KvsMediaClient create() {
        return new KvsMediaClient(AwsApiClient.create(AwsService.KINESIS_VIDEO),
                AwsEndpoints.fromSystem().serviceOverride(AwsService.KINESIS_VIDEO_MEDIA));
    }

    /**
     * The stream name in a Kinesis Video stream ARN
     * ({@code arn:<partition>:kinesisvideo:<region>:<account>:stream/<name>/<creation time>}): the text between
     * the first and the last {@code /}.
     *
     * @throws IllegalArgumentException naming the ARN when it has no such name
     */
    public static String streamName(String streamArn) {
        int first = streamArn == null ? -1 : streamArn.indexOf('/');
        int last = streamArn == null ? -1 : streamArn.lastIndexOf('/');
        if (first < 0 || last <= first + 1 || !streamArn.startsWith("arn:")) {
            throw new IllegalArgumentException("Kinesis Video stream ARN is '" + streamArn
                    + "': must be arn:<partition>:kinesisvideo:<region>:<account>:stream/<name>/<creation time>");
        }
        return streamArn.substring(first + 1, last);
    }

    /**
     * GetDataEndpoint for GET_MEDIA.
     *
     * @throws AwsApiException when the call fails or answers no usable endpoint
     */
    public URI dataEndpoint(String streamName) {
        ObjectNode request = Json.object().put("StreamName", streamName).put("APIName", "GET_MEDIA");
        HttpResponse<String> response = controlPlane.rest("GetDataEndpoint", "POST", "/getDataEndpoint",
                Map.of("Content-Type", "application/json"), Json.write(request), null);
        String endpoint = null;
        try {
            JsonNode answer = Json.read(response.body());
            endpoint = Json.nonEmptyText(answer, "DataEndpoint");
            if (endpoint != null) {
                URI uri = new URI(endpoint);
                if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    return uri;
                }
            }
        } catch (IOException | URISyntaxException e) {
            // reported below
        }
        throw new AwsApiException(AwsService.KINESIS_VIDEO, "GetDataEndpoint", response.statusCode(),
                "InvalidResponse", "DataEndpoint is '" + endpoint + "': must be an http(s) URL", null);
    }

    /**
     * Opens the stream's media from {@code start}: GetDataEndpoint, then GetMedia. The caller reads the returned
     * reader and must close it (closing early aborts the connection). A read that waits {@link #MEDIA_IDLE_TIMEOUT}
     * for a byte fails with a {@link KvsMediaException} instead of waiting for the function's timeout.
     *
     * @throws AwsApiException when either call fails (stream not found, not authorised, throttled after retries…)
     */
    public KvsMediaReader getMedia(String streamName, StartSelector start) {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(start, "start");
        URI endpoint = dataEndpoint(streamName);
        AwsApiClient media = controlPlane.withEndpoint(AwsService.KINESIS_VIDEO_MEDIA,
                mediaEndpointOverride.orElse(endpoint));
        ObjectNode request = Json.object().put("StreamName", streamName);
        ObjectNode selector = request.putObject("StartSelector").put("StartSelectorType", start.type());
        if (start.afterFragmentNumber() != null) {
            selector.put("AfterFragmentNumber", start.afterFragmentNumber());
        }
        HttpResponse<InputStream> response = media.restStream("GetMedia", "POST", "/getMedia",
                Map.of("Content-Type", "application/json"), Json.write(request), GET_MEDIA_TIMEOUT);
        return KvsMediaReader.of(new IdleTimeoutInputStream(response.body(), mediaIdleTimeout));
    }
}
