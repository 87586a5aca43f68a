/**
 * {@link dev.scvcdk.constructs.identity.SalesforceSamlProvider}: the org's IAM SAML provider
 * {@code SalesforceServiceVoiceIdp_<orgId>}.
 *
 * <pre>{@code
 * SalesforceSamlProvider.fromMetadataFile(this, "SamlProvider", config.salesforceOrgId(), "config/saml.xml");
 * }</pre>
 */
package dev.scvcdk.constructs.identity;
