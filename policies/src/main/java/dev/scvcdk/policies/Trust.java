package dev.scvcdk.policies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who may assume an SCV role. The constructs turn each kind into a principal with its conditions. */
public sealed interface Trust {

    /**
     * An AWS service principal, e.g. {@code lambda.amazonaws.com}. With a {@code sourceAccount}, only while acting
     * for a resource of that account ({@code aws:SourceAccount}) and, with {@code sourceArns}, only for one of those
     * resources ({@code aws:SourceArn}): the confused-deputy guard services document for the roles they assume.
     */
    record Service(String servicePrincipal, String sourceAccount, List<String> sourceArns) implements Trust {
        public Service {
            sourceArns = sourceArns == null ? List.of() : List.copyOf(sourceArns);
            if (!sourceArns.isEmpty() && sourceAccount == null) {
                throw new IllegalArgumentException("trust of " + servicePrincipal + " names source ARNs " + sourceArns
                        + " without a source account: aws:SourceAccount must accompany aws:SourceArn");
            }
        }

        /** Trusted without conditions (Lambda sends no source to its execution roles). */
        public Service(String servicePrincipal) {
            this(servicePrincipal, null, List.of());
        }

        /** The trust statement's conditions ({@code StringEquals} account, {@code ArnLike} ARNs); empty without a source. */
        public Map<String, Map<String, Object>> conditions() {
            Map<String, Map<String, Object>> conditions = new LinkedHashMap<>();
            if (sourceAccount != null) {
                conditions.put("StringEquals", Map.of("aws:SourceAccount", sourceAccount));
            }
            if (!sourceArns.isEmpty()) {
                conditions.put("ArnLike", Map.of("aws:SourceArn", sourceArns.size() == 1 ? sourceArns.get(0) : sourceArns));
            }
            return conditions;
        }
    }

    /** Salesforce's AWS account (MPA), only with {@code sts:ExternalId} = externalId. */
    record SalesforceAccount(String accountId, String externalId) implements Trust {
    }

    /** Console federation through the org's SAML provider, {@code saml:aud} = audience. */
    record SamlFederation(String samlProviderArn, String audience) implements Trust {
    }
}
