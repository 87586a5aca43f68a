package dev.scvcdk.constructs.identity;

import dev.scvcdk.policies.ScvNames;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.SamlMetadataDocument;
import software.amazon.awscdk.services.iam.SamlProvider;
import software.constructs.Construct;

/**
 * The IAM SAML identity provider of a Salesforce org, named {@code SalesforceServiceVoiceIdp_<orgId>}
 * as SCV expects. Agents federate through it into {@code <cc>-SAMLRole}.
 *
 * <p>A native {@code AWS::IAM::SAMLProvider}: SCV's own template creates it with a Lambda function,
 * which needs a role and code that this resource does not. Child: {@code Resource}.
 */
public class SalesforceSamlProvider extends Construct {
    private static final Pattern ORG_ID = Pattern.compile("^00D[a-zA-Z0-9]{12}$");

    private final SamlProvider provider;

    /**
     * @param orgId    the Salesforce org id ({@code 00D} + 12 letters or digits)
     * @param metadata the org's SAML metadata (from Setup → Identity Provider)
     * @throws IllegalArgumentException when the org id does not match its pattern
     */
    public SalesforceSamlProvider(Construct scope, String id, String orgId, SamlMetadataDocument metadata) {
        super(scope, id);
        Objects.requireNonNull(metadata, "SalesforceSamlProvider metadata is required");
        if (orgId == null || (!Token.isUnresolved(orgId) && !ORG_ID.matcher(orgId).matches())) {
            throw new IllegalArgumentException("SalesforceSamlProvider orgId '" + orgId
                    + "' must be 00D followed by 12 letters or digits (a 15-character Salesforce org id)");
        }
        this.provider = SamlProvider.Builder.create(this, "Resource")
                .name(ScvNames.samlProvider(orgId))
                .metadataDocument(metadata)
                .build();
    }

    /** A provider from a metadata XML file on the synth machine. */
    public static SalesforceSamlProvider fromMetadataFile(Construct scope, String id, String orgId, String path) {
        return new SalesforceSamlProvider(scope, id, orgId, SamlMetadataDocument.fromFile(path));
    }

    /** A provider from a metadata XML string. */
    public static SalesforceSamlProvider fromMetadataXml(Construct scope, String id, String orgId, String xml) {
        return new SalesforceSamlProvider(scope, id, orgId, SamlMetadataDocument.fromXml(xml));
    }

    public SamlProvider getProvider() {
        return provider;
    }

    /** ARN of the provider, for {@code sts:AssumeRoleWithSAML} trust. */
    public String getProviderArn() {
        return provider.getSamlProviderArn();
    }
}
