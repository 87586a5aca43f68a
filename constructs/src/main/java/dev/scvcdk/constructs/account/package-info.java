/**
 * {@link dev.scvcdk.constructs.account.ScvAccount}: what is global to an AWS account in SCV (the boundary, the
 * {@code /scv/} managed policies, every account-level SCV role, the SAML provider and the audit trail), in any stack
 * of the partition's IAM region (us-east-1; us-gov-west-1 in GovCloud); and
 * {@link dev.scvcdk.constructs.account.ScvAccountStack}, a stack holding one. See README.md beside this package.
 *
 * <pre>{@code
 * new ScvAccount(myUsEast1Stack, "Scv", ScvAccountProps.builder()
 *         .tenantConfig(config)                              // validated here
 *         .samlMetadata(SamlMetadataDocument.fromFile(path))
 *         .build());
 * new ScvAccountStack(app, "ScvAccountStack", ScvAccountStackProps.builder()
 *         .tenantConfig(config)
 *         .samlMetadata(SamlMetadataDocument.fromFile(path))
 *         .build());                                         // env: config account, us-east-1
 * }</pre>
 */
package dev.scvcdk.constructs.account;
