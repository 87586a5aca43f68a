/**
 * {@link dev.scvcdk.constructs.account.ScvAccountStack}: the account-level SCV stack (us-east-1;
 * us-gov-west-1 in GovCloud) with the boundary, the {@code /scv/} managed policies, every account-level
 * SCV role, the SAML provider and the audit trail.
 *
 * <pre>{@code
 * new ScvAccountStack(app, "ScvAccountStack", ScvAccountStackProps.builder()
 *         .tenantConfig(config)                              // validated here
 *         .samlMetadata(SamlMetadataDocument.fromFile(path))
 *         .build());                                         // env: config account, us-east-1
 * }</pre>
 */
package dev.scvcdk.constructs.account;
