package dev.scvcdk.app.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.scvcdk.app.config.LoadedTenantConfig;

/**
 * A pipeline config that passed every check, with each tenant's loaded config.
 *
 * @param config  the validated pipeline config
 * @param tenants the tenants in config order, each with the tenant config it deploys
 * @param source  where the pipeline config came from
 */
public record LoadedPipelineConfig(PipelineConfig config, List<LoadedTenant> tenants, String source) {

    public LoadedPipelineConfig {
        tenants = List.copyOf(tenants);
    }

    /**
     * A tenant and the config its stage deploys: the file's config, with the target account as its
     * {@code accountId} when the file leaves it unset (a pipeline deploys to a known account).
     */
    public record LoadedTenant(PipelineConfig.Tenant tenant, LoadedTenantConfig tenantConfig) {
    }

    /** A wave: its name and tenants, in config order. */
    public record Wave(String name, List<LoadedTenant> tenants) {
    }

    /** The waves in the order they first appear among the tenants. */
    public List<Wave> waves() {
        Map<String, List<LoadedTenant>> waves = new LinkedHashMap<>();
        for (LoadedTenant tenant : tenants) {
            waves.computeIfAbsent(tenant.tenant().wave(), name -> new ArrayList<>()).add(tenant);
        }
        return waves.entrySet().stream().map(wave -> new Wave(wave.getKey(), List.copyOf(wave.getValue()))).toList();
    }
}
