package dev.scvcdk.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.scvcdk.app.config.TenantConfigLoader;
import dev.scvcdk.policies.config.InvalidTenantConfigException;

/**
 * Bad tenant configs through the real loader, as files on disk: each error names the field by its JSON path,
 * quotes the value, states the rule, and carries the file's path; several problems come in one error.
 */
class BadTenantConfigTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private ObjectNode example;

    @BeforeEach
    void copyTheExampleTenant() throws IOException {
        example = (ObjectNode) MAPPER.readTree(resource("tenant.example.json"));
        Files.writeString(dir.resolve("saml-metadata.example.xml"), resource("saml-metadata.example.xml"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TenantConfigLoader.class.getResourceAsStream("/config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ObjectNode center(int index) {
        return (ObjectNode) example.withArray("contactCenters").get(index);
    }

    /** Writes the example with a change and loads it, returning the one error. */
    private InvalidTenantConfigException loadWith(Consumer<ObjectNode> change) throws IOException {
        change.accept(example);
        Path file = dir.resolve("tenant.json");
        Files.writeString(file, MAPPER.writeValueAsString(example));
        InvalidTenantConfigException e = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> TenantConfigLoader.load(file));
        assertThat(e).as("the loader must reject the config").isNotNull();
        assertThat(e.getMessage()).startsWith("Invalid tenant config " + file.toAbsolutePath());
        return e;
    }

    @Test
    void theUnchangedExampleLoads() throws IOException {
        Path file = dir.resolve("tenant.json");
        Files.writeString(file, MAPPER.writeValueAsString(example));
        assertThat(TenantConfigLoader.load(file).config().contactCenters()).hasSize(2);
    }

    @Test
    void anOrgIdOutsideThePattern() throws IOException {
        assertThat(loadWith(t -> t.put("salesforceOrgId", "00D12345")).problems()).containsExactly(
                "salesforceOrgId = \"00D12345\": must be a Salesforce org id: 00D followed by 12 letters or digits "
                        + "(^00D[a-zA-Z0-9]{12}$)");
    }

    @Test
    void aCallCenterApiNameTooLongForLambdaNames() throws IOException {
        String name = "acme_customer_support_emea";
        assertThat(loadWith(t -> center(1).put("callCenterApiName", name)).problems()).singleElement().asString()
                .startsWith("contactCenters[1].callCenterApiName = \"" + name + "\": must be the Salesforce call "
                        + "center API name in lower case")
                .contains("at most 25 characters");
    }

    @Test
    void aRegionThatIsNoRegion() throws IOException {
        assertThat(loadWith(t -> center(1).put("region", "europe-2")).problems()).containsExactly(
                "contactCenters[1].region = \"europe-2\": must be an AWS region name such as us-west-2 or "
                        + "us-gov-west-1");
    }

    @Test
    void aGovCloudContactCenterOutsideUsGovWest1() throws IOException {
        // GIVEN the GovCloud example with its second contact center moved to the other GovCloud region
        example = (ObjectNode) MAPPER.readTree(resource("tenant.govcloud.example.json"));
        // WHEN loaded THEN that region is refused with the rule and its source
        assertThat(loadWith(t -> center(1).put("region", "us-gov-east-1")).problems()).containsExactly(
                "contactCenters[1].region = \"us-gov-east-1\": must be us-gov-west-1: Amazon Connect in AWS GovCloud "
                        + "(US) is available in AWS GovCloud (US-West) only "
                        + "(https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-con.html)");
    }

    @Test
    void aConnectInstanceIdThatIsNotAUuid() throws IOException {
        assertThat(loadWith(t -> center(0).put("connectInstanceId", "instance-1")).problems()).containsExactly(
                "contactCenters[0].connectInstanceId = \"instance-1\": must be the Amazon Connect instance id, a "
                        + "lower-case UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
    }

    @Test
    void urlsOfTheWrongShape() throws IOException {
        InvalidTenantConfigException e = loadWith(t -> {
            center(0).put("orgDomainUrl", "https://acme.lightning.force.com");
            center(0).put("scrtUrl", "https://acme.my.salesforce-scrt.com/telephony");
        });
        assertThat(e.problems()).satisfiesExactly(
                p -> assertThat(p).startsWith("contactCenters[0].orgDomainUrl = \"https://acme.lightning.force.com\": "
                        + "must be the org's My Domain URL https://<name>.my.salesforce.com"),
                p -> assertThat(p).startsWith("contactCenters[0].scrtUrl = "
                        + "\"https://acme.my.salesforce-scrt.com/telephony\": must be the SCRT2 My Domain URL"));
    }

    @Test
    void anUnsupportedPartition() throws IOException {
        assertThat(loadWith(t -> t.put("partition", "aws-cn")).problems())
                .containsExactly("partition = \"aws-cn\": must be one of aws, aws-us-gov");
    }

    @Test
    void aBoundaryArnOfTheWrongShape() throws IOException {
        String arn = "arn:aws:iam::111122223333:role/ScvBoundary";
        assertThat(loadWith(t -> t.put("permissionBoundaryArn", arn)).problems()).singleElement().asString()
                .startsWith("permissionBoundaryArn = \"" + arn + "\": must be an IAM managed policy ARN "
                        + "arn:<partition>:iam::<12-digit account>:policy/<path/>name");
    }

    @Test
    void duplicateContactCenters() throws IOException {
        InvalidTenantConfigException e = loadWith(t -> t.withArray("contactCenters").add(center(0).deepCopy()));
        assertThat(e.problems()).containsExactly(
                "contactCenters[2].callCenterApiName = \"acmesupport\": must be unique across contactCenters; "
                        + "contactCenters[0] already uses it",
                "contactCenters[2] (region \"us-west-2\", connectInstanceId \"0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70\"): "
                        + "each Amazon Connect instance may back only one contact center; contactCenters[0] already "
                        + "uses it");
    }

    @Test
    void switchesThatAreNotBooleans() throws IOException {
        InvalidTenantConfigException e = loadWith(t -> {
            t.put("salesforceManagesFunctions", "true");
            t.put("auditDataEvents", 1);
        });
        assertThat(e.problems()).containsExactly(
                "salesforceManagesFunctions = \"true\": must be true or false, found a string",
                "auditDataEvents = 1: must be true or false, found a number");
    }

    @Test
    void anUnknownField() throws IOException {
        assertThat(loadWith(t -> center(1).put("conectInstanceId", "x")).problems()).singleElement().asString()
                .startsWith("contactCenters[1].conectInstanceId = \"x\": unknown field; the fields of "
                        + "contactCenters[1] are callCenterApiName, region, connectInstanceId");
    }

    @Test
    void aMissingConfigFile() {
        Path file = dir.resolve("absent.json");
        InvalidTenantConfigException e = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> TenantConfigLoader.load(file));
        assertThat(e.problems()).containsExactly(file.toAbsolutePath() + " does not exist");
    }

    @Test
    void aMissingSamlMetadataFile() throws IOException {
        assertThat(loadWith(t -> t.put("samlMetadataFile", "idp.xml")).problems()).containsExactly(
                "samlMetadataFile = \"idp.xml\": " + dir.resolve("idp.xml").toAbsolutePath()
                        + " does not exist (the path is relative to the config file's directory)");
    }

    @Test
    void severalProblemsComeTogetherInOneError() throws IOException {
        // GIVEN four unrelated mistakes in different places
        InvalidTenantConfigException e = loadWith(t -> {
            t.put("salesforceOrgId", "00D1");
            t.put("partition", "aws-cn");
            center(0).put("environment", "PROD");
            center(1).put("colour", "blue");
        });
        // THEN all four are reported, each by its path, and the message counts them
        assertThat(e.problems()).extracting(p -> p.substring(0, p.indexOf(' '))).containsExactlyInAnyOrder(
                "salesforceOrgId", "partition", "contactCenters[0].environment", "contactCenters[1].colour");
        assertThat(e.getMessage()).contains("(4 problems):");
    }
}
