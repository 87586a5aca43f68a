package dev.scvcdk.constructs.contactcenter;

import dev.scvcdk.constructs.functions.LambdaCode;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.Features;
import dev.scvcdk.policies.config.TenantConfig;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.App;

/** The example tenant of config/tenant.example.json, with knobs for the cases the tests need. */
final class ContactCenterFixtures {
    static final String ACCOUNT = "111122223333";
    static final String ORG_ID = "00D5g000004ExAm";
    static final String INSTANCE_ID = "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70";
    static final String INSTANCE_ARN = "arn:aws:connect:us-west-2:111122223333:instance/" + INSTANCE_ID;
    static final String SECRET_ARN =
            "arn:aws:secretsmanager:us-west-2:111122223333:secret:acmesupport-salesforce-credentials-AbCdEf";

    private ContactCenterFixtures() {
    }

    static ContactCenterConfig support(String secretArn, Features features) {
        return new ContactCenterConfig("acmesupport", "us-west-2", INSTANCE_ID, "acme-support",
                "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com", "PRODUCTION", secretArn,
                features);
    }

    static ContactCenterConfig sales() {
        return new ContactCenterConfig("acmesales", "eu-west-2", "4f1e2d3c-6b5a-4978-8a1b-c2d3e4f5a6b7",
                "acme-sales", "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com", "SANDBOX",
                null, null);
    }

    static TenantConfig tenant(ContactCenterConfig... contactCenters) {
        return new TenantConfig(ACCOUNT, "aws", ORG_ID, null, null, null, "saml-metadata.example.xml",
                List.of(contactCenters));
    }

    static ScvContactCenterStack stack(ContactCenterConfig cc, Path jar) {
        return new ScvContactCenterStack(new App(), "ContactCenter", ScvContactCenterStackProps.builder()
                .tenantConfig(tenant(cc, sales()))
                .contactCenter(cc)
                .lambdaCode(LambdaCode.fromJars(jar))
                .build());
    }
}
