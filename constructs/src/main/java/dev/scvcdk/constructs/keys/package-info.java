/**
 * {@link dev.scvcdk.constructs.keys.TenantKeys}: the contact center's customer-managed keys, with key
 * policies that let the account administer but never use them, and name every principal that may,
 * each only through the service that needs it ({@code kms:ViaService}).
 *
 * <pre>{@code
 * TenantKeys keys = new TenantKeys(this, "Keys", TenantKeysProps.builder()
 *         .callCenterApiName("acmesupport")
 *         .streamReaders(List.of(new ArnPrincipal(ctrSyncRoleArn)))
 *         .build());
 * keys.getStreamKey();    // alias/acmesupportKvsKey
 * }</pre>
 */
package dev.scvcdk.constructs.keys;
