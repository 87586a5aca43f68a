package dev.scvcdk.policies.declarations;

import dev.scvcdk.policies.ScvNames;

/** The KMS keys SCV resources are encrypted with, per contact center. */
public enum TenantKey {
    /** {@code alias/<cc>KvsKey}: the CTR and Contact Lens Kinesis streams. */
    STREAM,
    /** {@code alias/<cc>LMKvsKey}: Connect's live media in Kinesis Video. */
    LIVE_MEDIA,
    /** {@code alias/<cc>TenantBucketKey}: the tenant bucket. */
    BUCKET,
    /** {@code alias/<cc>ScvPlatformKey}: the REST API parameters, the credentials secret, logs, the failure queue. */
    PLATFORM,
    /**
     * {@code alias/aws/ssm}, AWS managed: SecureStrings written by a function without a key id (the SCRT key,
     * which AuthKeysSSMUtil's contract writes without one, and the access token the REST function caches).
     * Its key policy is AWS's; only identity policies decide.
     */
    AWS_SSM;

    /** The alias of this key in contact center {@code callCenter}. */
    public String alias(String callCenter) {
        return switch (this) {
            case STREAM -> ScvNames.kvsKeyAlias(callCenter);
            case LIVE_MEDIA -> ScvNames.liveMediaKeyAlias(callCenter);
            case BUCKET -> ScvNames.tenantBucketKeyAlias(callCenter);
            case PLATFORM -> ScvNames.platformKeyAlias(callCenter);
            case AWS_SSM -> "alias/aws/ssm";
        };
    }

    /** Whether the stack creates this key and writes its key policy. */
    public boolean customerManaged() {
        return this != AWS_SSM;
    }
}
