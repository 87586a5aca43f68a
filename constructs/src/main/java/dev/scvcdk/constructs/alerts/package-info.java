/**
 * Alarm notification: {@link dev.scvcdk.constructs.alerts.AlarmTopic} (an encrypted, TLS-only SNS topic that only
 * this account's CloudWatch alarms may publish to) and {@link dev.scvcdk.constructs.alerts.RealtimeAlerts} (SCV's
 * {@code <cc>-RealtimeAlertTopic} with the alarms SCV defines, delivering to the RealtimeAlert function's alias).
 *
 * <pre>{@code
 * new RealtimeAlerts(this, "RealtimeAlerts", RealtimeAlertsProps.builder()
 *         .callCenterApiName("acmesupport").connectInstanceId(instanceId).encryptionKey(platformKey)
 *         .handler(realtimeAlert.getAlias()).watchedFunctions(Map.of("Telephony", telephony.getAlias()))
 *         .deadLetterQueue(failureQueue.getQueue()).build());
 * }</pre>
 */
package dev.scvcdk.constructs.alerts;
