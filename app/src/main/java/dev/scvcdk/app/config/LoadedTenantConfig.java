package dev.scvcdk.app.config;

import dev.scvcdk.policies.config.TenantConfig;

/**
 * A tenant config that passed every check, with the SAML metadata it names.
 *
 * @param config           the validated tenant config
 * @param samlMetadataXml  the content of the org's SAML metadata document
 * @param source           where the config came from (a file path, or the embedded example)
 */
public record LoadedTenantConfig(TenantConfig config, String samlMetadataXml, String source) {
}
