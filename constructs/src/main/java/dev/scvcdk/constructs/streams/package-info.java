/**
 * {@link dev.scvcdk.constructs.streams.ContactStreams}: the CTR and Contact Lens Kinesis streams
 * ({@code <cc>-<acct>-CTRStream}, {@code <cc>-<acct>-ContactLensStream}), KMS-encrypted, retained.
 */
package dev.scvcdk.constructs.streams;
