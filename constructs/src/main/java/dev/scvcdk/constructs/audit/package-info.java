/**
 * {@link dev.scvcdk.constructs.audit.AuditTrail}: the multi-region, KMS-encrypted, validated CloudTrail
 * {@code scvBYOACloudTrail} into a secure bucket and an encrypted log group, delivered through a role
 * the caller owns ({@code SCVTrailLogGroupRole}), recording management events and the tenant's data events
 * ({@link dev.scvcdk.constructs.audit.TenantDataEvents}).
 *
 * <pre>{@code
 * new AuditTrail(this, "AuditTrail", AuditTrailProps.builder()
 *         .logDeliveryRole(roles.get(RoleNames.TRAIL_LOG_GROUP))
 *         .tenantConfig(config)
 *         .dataEvents(config.auditDataEventsValue())
 *         .build());
 * }</pre>
 */
package dev.scvcdk.constructs.audit;
