package dev.scvcdk.app.pipeline;

import java.util.List;

/**
 * The delivery pipeline's input: where the code comes from, where the pipeline lives, and which tenant goes to
 * which account in which wave. Values are kept as written so that {@link PipelineConfigLoader} can quote them.
 *
 * @param account the pipeline's own AWS account (12 digits)
 * @param region  the pipeline's region
 * @param source  the repository the pipeline builds
 * @param tenants one entry per tenant, in deployment order; waves follow the order they first appear in
 */
public record PipelineConfig(String account, String region, Source source, List<Tenant> tenants) {

    public PipelineConfig {
        tenants = tenants == null ? null : List.copyOf(tenants);
    }

    /**
     * A repository reached through an AWS CodeConnections (formerly CodeStar Connections) connection.
     *
     * @param connectionArn the connection's ARN, in the pipeline's account
     * @param repository    {@code owner/repo}
     * @param branch        the branch whose pushes start the pipeline
     */
    public record Source(String connectionArn, String repository, String branch) {
    }

    /**
     * One tenant config delivered to one account.
     *
     * @param name    the tenant's stage id in the pipeline
     * @param config  the tenant config file, relative to the pipeline config's directory
     * @param account the target AWS account (equal to the tenant config's accountId when that is set)
     * @param wave    the wave (pipeline stage) that deploys it
     */
    public record Tenant(String name, String config, String account, String wave) {
    }
}
