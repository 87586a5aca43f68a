package dev.scvcdk.tests;

import java.util.Locale;

import dev.scvcdk.app.config.LoadedTenantConfig;
import dev.scvcdk.app.config.TenantConfigLoader;
import dev.scvcdk.tests.iam.ExampleApp;

/**
 * The example tenants the whole-app suite synthesizes, each loaded as {@code cdk synth} loads it. Suite classes take
 * the tenant as their parameter ({@code @ParameterizedClass @EnumSource(Tenant.class)}), so every check runs for
 * each. The facts a tenant's templates must show are written here as literals, independently of the code under test.
 */
public enum Tenant {

    /** {@code config/tenant.example.json}, embedded in the app: what {@code cdk synth} builds without context. */
    EXAMPLE("example tenant", "", "aws", "us-east-1", "793525387755", "https://signin.aws.amazon.com/saml"),
    /**
     * {@code config/tenant.govcloud.example.json}: {@code cdk synth -c scv:config=config/tenant.govcloud.example.json}.
     */
    GOVCLOUD("GovCloud example tenant", "tenant.govcloud.example.json", "aws-us-gov", "us-gov-west-1", "383319876315",
            "https://signin.amazonaws-us-gov.com/saml");

    /** What the tenant is called in reports and snapshots. */
    public final String title;
    /** The config file under {@code config/}; empty for the embedded example. */
    private final String configFile;
    /** The partition every ARN of the tenant's templates names. */
    public final String partition;
    /** The region of {@code ScvAccountStack}. */
    public final String accountStackRegion;
    /** Salesforce's AWS account in the tenant's partition: the only other account SCV roles trust. */
    public final String salesforceAccount;
    /** The {@code saml:aud} console federation requires in the tenant's partition. */
    public final String samlAudience;

    Tenant(String title, String configFile, String partition, String accountStackRegion, String salesforceAccount,
           String samlAudience) {
        this.title = title;
        this.configFile = configFile;
        this.partition = partition;
        this.accountStackRegion = accountStackRegion;
        this.salesforceAccount = salesforceAccount;
        this.samlAudience = samlAudience;
    }

    /** The tenant config, read and validated exactly as the app reads it for {@code cdk synth}. */
    public LoadedTenantConfig load() {
        return configFile.isEmpty() ? TenantConfigLoader.loadEmbedded()
                : TenantConfigLoader.load(ExampleApp.repositoryRoot().resolve("config").resolve(configFile));
    }

    /** Folder of this tenant's snapshots below {@code src/test/resources/snapshots}; empty for the example. */
    public String snapshotFolder() {
        return this == EXAMPLE ? "" : name().toLowerCase(Locale.ROOT) + "/";
    }
}
