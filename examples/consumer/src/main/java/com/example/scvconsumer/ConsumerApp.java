package com.example.scvconsumer;

import dev.scvcdk.constructs.account.ScvAccountStack;
import dev.scvcdk.constructs.account.ScvAccountStackProps;
import dev.scvcdk.constructs.contactcenter.ScvContactCenter;
import dev.scvcdk.constructs.contactcenter.ScvContactCenterProps;
import dev.scvcdk.policies.config.ContactCenterConfig;
import dev.scvcdk.policies.config.Features;
import dev.scvcdk.policies.config.TenantConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * A team's CDK app with one SCV contact center: the SCV account stack, and the team's own operations stack, which
 * holds the alarm topic its on-call already watches and, composed into it, the SCV contact center, whose alarms go
 * to that topic. The Lambda code comes from the dependency dev.scvcdk:scv-lambda-code (LambdaCode.fromClasspath()).
 */
public final class ConsumerApp {

    /** The SAML metadata, a classpath resource whose XML the stack takes. */
    static final String SAML_METADATA = "saml-metadata.xml";

    // No samlMetadataFile: it names a file beside a JSON config file; a config built in code passes the XML.
    static final TenantConfig TENANT = new TenantConfig(
            "444455556666", "aws", "00D5g000004ExAm", null, null, null, null,
            List.of(new ContactCenterConfig(
                    "helpdesk", "eu-central-1", "7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b", "example-helpdesk",
                    "https://example.my.salesforce.com", "https://example.my.salesforce-scrt.com",
                    "PRODUCTION", null,
                    // Contact events, Contact Lens and real-time alerts.
                    new Features(false, true, true, false, true, false, false))));

    private ConsumerApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        compose(app);
        app.synth();
    }

    static void compose(App app) {
        ContactCenterConfig contactCenter = TENANT.contactCenters().get(0);
        String operationsStack = "HelpdeskOperations";
        ScvAccountStack account = new ScvAccountStack(app, "ScvAccount", ScvAccountStackProps.builder()
                .tenantConfig(TENANT)
                .samlMetadataXml(resource("/" + SAML_METADATA))
                // The provisioning role may update exactly the stack the contact center lives in.
                .contactCenterStackNames(Map.of(contactCenter.callCenterApiName(), operationsStack))
                .build());

        OperationsStack operations = new OperationsStack(app, operationsStack, StackProps.builder()
                .stackName(operationsStack)
                .env(Environment.builder().account(TENANT.accountId()).region(contactCenter.region()).build())
                .build());
        new ScvContactCenter(operations, "Helpdesk", ScvContactCenterProps.builder()
                .tenantConfig(TENANT)
                .contactCenter(contactCenter)
                .alarmTopic(operations.getAlarmTopic())
                .build());
        // SCV's functions assume the account stack's roles by name.
        operations.addDependency(account, "SCV functions assume the account stack's roles by name");
    }

    private static String resource(String name) {
        try (InputStream in = ConsumerApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
