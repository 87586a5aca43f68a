package dev.scvcdk.lambdas.common.media.kvs;

/**
 * The media of a Kinesis video stream could not be read: the stream was not valid Matroska, Kinesis Video
 * reported an error inside the stream (an {@code AWS_KINESISVIDEO_ERROR_CODE} tag), or the connection failed while
 * the body was read. (Failed API calls before the body — GetDataEndpoint, GetMedia's status — are
 * {@link dev.scvcdk.lambdas.common.aws.AwsApiException}s.)
 */
public final class KvsMediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KvsMediaException(String message, Throwable cause) {
        super(message, cause);
    }

    public KvsMediaException(String message) {
        super(message);
    }
}
