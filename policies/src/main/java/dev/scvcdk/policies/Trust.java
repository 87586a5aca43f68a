package dev.scvcdk.policies;

/** Who may assume an SCV role. The constructs turn each kind into a principal with its conditions. */
public sealed interface Trust {

    /**
     * An AWS service principal, e.g. {@code lambda.amazonaws.com}; with a {@code sourceArn}, only while acting
     * for that resource ({@code aws:SourceArn}, the confused-deputy guard services document for their roles).
     */
    record Service(String servicePrincipal, String sourceArn) implements Trust {
        public Service(String servicePrincipal) {
            this(servicePrincipal, null);
        }
    }

    /** Salesforce's AWS account (MPA), only with {@code sts:ExternalId} = externalId. */
    record SalesforceAccount(String accountId, String externalId) implements Trust {
    }

    /** Console federation through the org's SAML provider, {@code saml:aud} = audience. */
    record SamlFederation(String samlProviderArn, String audience) implements Trust {
    }
}
