package dev.scvcdk.lambdas.common.aws;

/**
 * The AWS services the functions call, with the names the SDK uses for them: the SigV4 signing name, the
 * JSON 1.1 target prefix, and the service id behind the endpoint overrides ({@code AWS_ENDPOINT_URL_<ID>} and
 * {@code aws.endpointUrl<Id>}).
 */
public enum AwsService {
    SSM("ssm", "AmazonSSM", "SSM", "Ssm"),
    SECRETS_MANAGER("secretsmanager", "secretsmanager", "SECRETS_MANAGER", "SecretsManager"),
    /** REST protocol: no target prefix. */
    LAMBDA("lambda", null, "LAMBDA", "Lambda"),
    /** REST protocol (DescribeContact, UpdateContactAttributes). */
    CONNECT("connect", null, "CONNECT", "Connect"),
    /** Batch jobs (voicemail): JSON 1.1. Streaming transcription uses the SDK's own client. */
    TRANSCRIBE("transcribe", "Transcribe", "TRANSCRIBE", "Transcribe"),
    /** Control plane, REST protocol (GetDataEndpoint). */
    KINESIS_VIDEO("kinesisvideo", null, "KINESIS_VIDEO", "KinesisVideo"),
    /**
     * Media plane, REST protocol (GetMedia), signed as {@code kinesisvideo}. Its endpoint is the one
     * GetDataEndpoint answers unless {@code AWS_ENDPOINT_URL_KINESIS_VIDEO_MEDIA} overrides it.
     */
    KINESIS_VIDEO_MEDIA("kinesisvideo", null, "KINESIS_VIDEO_MEDIA", "KinesisVideoMedia");

    private final String signingName;
    private final String targetPrefix;
    private final String envSuffix;
    private final String propertySuffix;

    AwsService(String signingName, String targetPrefix, String envSuffix, String propertySuffix) {
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.envSuffix = envSuffix;
        this.propertySuffix = propertySuffix;
    }

    /** The SigV4 service name, also the first label of the default endpoint host. */
    public String signingName() {
        return signingName;
    }

    /** The {@code X-Amz-Target} value of a JSON 1.1 operation. */
    String target(String operation) {
        if (targetPrefix == null) {
            throw new IllegalStateException(name() + " does not speak the AWS JSON 1.1 protocol");
        }
        return targetPrefix + "." + operation;
    }

    /** The service-specific endpoint environment variable, e.g. {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}. */
    public String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + envSuffix;
    }

    /** The service-specific endpoint system property, e.g. {@code aws.endpointUrlSecretsManager}. */
    public String endpointProperty() {
        return "aws.endpointUrl" + propertySuffix;
    }
}
