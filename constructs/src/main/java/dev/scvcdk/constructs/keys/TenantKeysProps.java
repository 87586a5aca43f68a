package dev.scvcdk.constructs.keys;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.iam.IPrincipal;

/** Who may use which key of one contact center. Immutable; build with {@link #builder()}. */
public final class TenantKeysProps {
    private final String callCenterApiName;
    private final List<IPrincipal> streamReaders;
    private final List<IPrincipal> streamWriters;
    private final List<IPrincipal> liveMediaReaders;
    private final List<IPrincipal> bucketUsers;
    private final List<IPrincipal> secretReaders;
    private final List<IPrincipal> secretWriters;
    private final List<IPrincipal> queueSenders;
    private final List<String> serviceLogGroupPrefixes;

    private TenantKeysProps(Builder b) {
        this.callCenterApiName = Objects.requireNonNull(b.callCenterApiName, "callCenterApiName is required");
        this.streamReaders = List.copyOf(b.streamReaders);
        this.streamWriters = List.copyOf(b.streamWriters);
        this.liveMediaReaders = List.copyOf(b.liveMediaReaders);
        this.bucketUsers = List.copyOf(b.bucketUsers);
        this.secretReaders = List.copyOf(b.secretReaders);
        this.secretWriters = List.copyOf(b.secretWriters);
        this.queueSenders = List.copyOf(b.queueSenders);
        this.serviceLogGroupPrefixes = List.copyOf(b.serviceLogGroupPrefixes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The call center API name: names the key aliases. */
    public String getCallCenterApiName() {
        return callCenterApiName;
    }

    public List<IPrincipal> getStreamReaders() {
        return streamReaders;
    }

    public List<IPrincipal> getStreamWriters() {
        return streamWriters;
    }

    public List<IPrincipal> getLiveMediaReaders() {
        return liveMediaReaders;
    }

    public List<IPrincipal> getBucketUsers() {
        return bucketUsers;
    }

    public List<IPrincipal> getSecretReaders() {
        return secretReaders;
    }

    public List<IPrincipal> getSecretWriters() {
        return secretWriters;
    }

    public List<IPrincipal> getQueueSenders() {
        return queueSenders;
    }

    public List<String> getServiceLogGroupPrefixes() {
        return serviceLogGroupPrefixes;
    }

    public static final class Builder {
        private String callCenterApiName;
        private List<IPrincipal> streamReaders = List.of();
        private List<IPrincipal> streamWriters = List.of();
        private List<IPrincipal> liveMediaReaders = List.of();
        private List<IPrincipal> bucketUsers = List.of();
        private List<IPrincipal> secretReaders = List.of();
        private List<IPrincipal> secretWriters = List.of();
        private List<IPrincipal> queueSenders = List.of();
        private List<String> serviceLogGroupPrefixes = List.of();

        private Builder() {
        }

        /** Required: the call center API name. */
        public Builder callCenterApiName(String value) {
            this.callCenterApiName = value;
            return this;
        }

        /**
         * Principals that decrypt the Kinesis streams (through Kinesis only).
         *
         * @default - none
         */
        public Builder streamReaders(List<? extends IPrincipal> value) {
            this.streamReaders = List.copyOf(value);
            return this;
        }

        /**
         * Principals that put records on the Kinesis streams (through Kinesis only), besides Connect.
         *
         * @default - none
         */
        public Builder streamWriters(List<? extends IPrincipal> value) {
            this.streamWriters = List.copyOf(value);
            return this;
        }

        /**
         * Principals that read Connect's live media (through Kinesis Video Streams only).
         *
         * @default - none
         */
        public Builder liveMediaReaders(List<? extends IPrincipal> value) {
            this.liveMediaReaders = List.copyOf(value);
            return this;
        }

        /**
         * Principals that read and write tenant-bucket objects (through S3 only).
         *
         * @default - none
         */
        public Builder bucketUsers(List<? extends IPrincipal> value) {
            this.bucketUsers = List.copyOf(value);
            return this;
        }

        /**
         * Principals that read the SecureString parameters and the credentials secret (through SSM and
         * Secrets Manager only).
         *
         * @default - none
         */
        public Builder secretReaders(List<? extends IPrincipal> value) {
            this.secretReaders = List.copyOf(value);
            return this;
        }

        /**
         * Principals that write SecureString parameters (through SSM only).
         *
         * @default - none
         */
        public Builder secretWriters(List<? extends IPrincipal> value) {
            this.secretWriters = List.copyOf(value);
            return this;
        }

        /**
         * Principals that send to queues encrypted with the platform key (through SQS only): the
         * execution roles of functions whose failures land in the failure queue.
         *
         * @default - none
         */
        public Builder queueSenders(List<? extends IPrincipal> value) {
            this.queueSenders = List.copyOf(value);
            return this;
        }

        /**
         * Log-group name prefixes (e.g. {@code /aws/lambda/<cc>-}) whose groups CloudWatch Logs may
         * encrypt with the platform key.
         *
         * @default - none: no log group may use the platform key
         */
        public Builder serviceLogGroupPrefixes(List<String> value) {
            this.serviceLogGroupPrefixes = List.copyOf(value);
            return this;
        }

        public TenantKeysProps build() {
            return new TenantKeysProps(this);
        }
    }
}
