package dev.scvcdk.constructs.streams;

import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.IKey;

/** Props of {@link ContactStreams}. Immutable; build with {@link #builder()}. */
public final class ContactStreamsProps {
    /** Made once (a Duration is an object in the jsii runtime). */
    private static final Duration DEFAULT_RETENTION_PERIOD = Duration.days(7);
    private final String callCenterApiName;
    private final String accountId;
    private final IKey encryptionKey;
    private final Number shardCount;
    private final Duration retentionPeriod;

    private ContactStreamsProps(Builder b) {
        this.callCenterApiName = Objects.requireNonNull(b.callCenterApiName, "callCenterApiName is required");
        this.accountId = Objects.requireNonNull(b.accountId, "accountId is required");
        this.encryptionKey = Objects.requireNonNull(b.encryptionKey, "encryptionKey is required");
        this.shardCount = b.shardCount;
        this.retentionPeriod = b.retentionPeriod;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getCallCenterApiName() {
        return callCenterApiName;
    }

    public String getAccountId() {
        return accountId;
    }

    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    public Number getShardCount() {
        return shardCount;
    }

    public Duration getRetentionPeriod() {
        return retentionPeriod;
    }

    /** Builder of {@link ContactStreamsProps}. */
    public static final class Builder {
        private String callCenterApiName;
        private String accountId;
        private IKey encryptionKey;
        private Number shardCount = 1;
        private Duration retentionPeriod = DEFAULT_RETENTION_PERIOD;

        private Builder() {
        }

        /** Required: the call center API name (first part of the stream names). */
        public Builder callCenterApiName(String value) {
            this.callCenterApiName = value;
            return this;
        }

        /** Required: the account id (or its token) in the stream names {@code <cc>-<acct>-…}. */
        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        /** Required: the stream key ({@code alias/<cc>KvsKey}). */
        public Builder encryptionKey(IKey value) {
            this.encryptionKey = value;
            return this;
        }

        /**
         * Shards per stream (provisioned mode: one shard carries 1,000 records/s, far above one
         * contact center's CTR rate, at a fraction of on-demand's per-stream price).
         *
         * @default 1
         */
        public Builder shardCount(Number value) {
            this.shardCount = value;
            return this;
        }

        /**
         * How long records stay on the streams. Longer than the sync mapping's maximum record age, so
         * a batch sent to the failure queue (which holds only its shard and sequence numbers) can still
         * be read back and replayed.
         *
         * @default Duration.days(7)
         */
        public Builder retentionPeriod(Duration value) {
            this.retentionPeriod = value;
            return this;
        }

        public ContactStreamsProps build() {
            return new ContactStreamsProps(this);
        }
    }
}
