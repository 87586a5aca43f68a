package dev.scvcdk.policies;

/** Who may assume an SCV role. The constructs turn each kind into a principal with its conditions. */
public sealed interface Trust {

    /** An AWS service principal, e.g. {@code lambda.amazonaws.com}. */
    record Service(String servicePrincipal) implements Trust {
    }

    /** Salesforce's AWS account (MPA), only with {@code sts:ExternalId} = externalId. */
    record SalesforceAccount(String accountId, String externalId) implements Trust {
    }

    /** Console federation through the org's SAML provider, {@code saml:aud} = audience. */
    record SamlFederation(String samlProviderArn, String audience) implements Trust {
    }
}
