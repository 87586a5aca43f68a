/**
 * {@link dev.scvcdk.constructs.storage.SecureBucket}: a private, TLS-only, versioned, KMS-encrypted,
 * retained bucket with lifecycle rules and server access logs.
 *
 * <pre>{@code
 * SecureBucket tenant = new SecureBucket(this, "TenantBucket", SecureBucketProps.builder()
 *         .bucketName(ScvNames.tenantBucket(cc, account, region))
 *         .encryptionKey(key)          // @default a new rotating key
 *         .eventBridgeEnabled(true)    // @default false
 *         .build());
 * }</pre>
 */
package dev.scvcdk.constructs.storage;
