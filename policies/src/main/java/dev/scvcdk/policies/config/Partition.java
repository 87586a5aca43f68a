package dev.scvcdk.policies.config;

import java.util.Arrays;
import java.util.List;

/** The AWS partitions SCV supports, with the facts that differ between them. */
public enum Partition {
    AWS("aws", "793525387755", "https://signin.aws.amazon.com/saml", "amazonaws.com"),
    AWS_US_GOV("aws-us-gov", "383319876315", "https://signin.amazonaws-us-gov.com/saml", "amazonaws.com");

    private final String id;
    private final String salesforceAccountId;
    private final String samlAudience;
    private final String dnsSuffix;

    Partition(String id, String salesforceAccountId, String samlAudience, String dnsSuffix) {
        this.id = id;
        this.salesforceAccountId = salesforceAccountId;
        this.samlAudience = samlAudience;
        this.dnsSuffix = dnsSuffix;
    }

    /** The partition as it appears in ARNs. */
    public String id() {
        return id;
    }

    /** Salesforce's AWS account (MPA) in this partition. */
    public String salesforceAccountId() {
        return salesforceAccountId;
    }

    /** The {@code saml:aud} value for console federation in this partition. */
    public String samlAudience() {
        return samlAudience;
    }

    public String dnsSuffix() {
        return dnsSuffix;
    }

    /** Whether a region name belongs to this partition. */
    public boolean containsRegion(String region) {
        boolean gov = region.startsWith("us-gov-");
        return this == AWS_US_GOV ? gov : !gov;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Partition::id).toList();
    }

    public static Partition fromId(String id) {
        return Arrays.stream(values())
                .filter(p -> p.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown partition '" + id + "'"));
    }
}
