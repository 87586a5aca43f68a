/**
 * Failure capture: {@link dev.scvcdk.constructs.sync.FailureQueue} (the encrypted queue where
 * undeliverable work lands, with an alarm), {@link dev.scvcdk.constructs.sync.StreamSync} (a
 * Kinesis-to-function mapping with partial batch failures, bisection, bounded retries, maximum record
 * age and an iterator-age alarm) and {@link dev.scvcdk.constructs.sync.FunctionRuleTarget} (an EventBridge rule
 * target invoking a function with a retry policy, the failure queue as dead-letter queue, and ids that do not
 * depend on the construct path).
 *
 * <pre>{@code
 * FailureQueue failures = new FailureQueue(this, "FailureQueue", FailureQueueProps.builder()
 *         .queueName(ScvNames.failureQueue("acmesupport")).encryptionKey(key).build());
 * new StreamSync(this, "CtrSync", StreamSyncProps.builder()
 *         .stream(ctrStream).target(ctrSync.getAlias()).failureQueue(failures).build());
 * }</pre>
 */
package dev.scvcdk.constructs.sync;
