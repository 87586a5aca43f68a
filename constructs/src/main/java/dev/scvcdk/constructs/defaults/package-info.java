/**
 * SCV's secure defaults for buckets, access-log buckets, KMS keys, log groups and queues, decided once.
 *
 * <pre>{@code
 * Key key = new Key(this, "Key", SecureDefaults.keyProps("Encrypts X").build());
 * new Queue(this, "Queue", SecureDefaults.queueProps(key).queueName("x").build());
 * }</pre>
 */
package dev.scvcdk.constructs.defaults;
