package dev.scvcdk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scvcdk.policies.config.InvalidTenantConfigException;

class TenantConfigLoaderTest {

    @TempDir
    Path dir;

    private String validCenter(String name) {
        return """
                {"callCenterApiName": "%s", "region": "us-west-2",
                 "connectInstanceId": "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70", "connectInstanceAlias": "acme",
                 "orgDomainUrl": "https://acme.my.salesforce.com", "scrtUrl": "https://acme.my.salesforce-scrt.com"}
                """.formatted(name);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private InvalidTenantConfigException loadFails(Path file) {
        return catchThrowableOfType(InvalidTenantConfigException.class, () -> TenantConfigLoader.load(file));
    }

    @BeforeEach
    void samlMetadataBesideTheConfig() throws IOException {
        write("saml.xml", exampleSamlMetadata());
    }

    private static String exampleSamlMetadata() throws IOException {
        try (var in = TenantConfigLoader.class.getResourceAsStream("/config/saml-metadata.example.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loadsAValidFileWithItsSamlMetadata() throws IOException {
        // GIVEN a valid config naming saml.xml beside it
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "saml.xml", "contactCenters": [%s]}
                """.formatted(validCenter("acme")));
        // WHEN loaded
        LoadedTenantConfig loaded = TenantConfigLoader.load(file);
        // THEN the records hold the values and the metadata is read
        assertThat(loaded.config().contactCenters()).singleElement()
                .satisfies(cc -> assertThat(cc.callCenterApiName()).isEqualTo("acme"));
        assertThat(loaded.samlMetadataXml()).contains("EntityDescriptor");
        assertThat(loaded.source()).isEqualTo(file.toAbsolutePath().toString());
    }

    @Test
    void resolvesTheSamlMetadataFileAgainstTheConfigsDirectory() throws IOException {
        write("tenants/acme/metadata/idp.xml", exampleSamlMetadata());
        Path file = write("tenants/acme/tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "metadata/idp.xml", "contactCenters": [%s]}
                """.formatted(validCenter("acme")));
        assertThat(TenantConfigLoader.load(file).samlMetadataXml()).contains("EntityDescriptor");
    }

    @Test
    void aMissingFileIsReportedWithItsPath() {
        Path file = dir.resolve("nope.json");
        InvalidTenantConfigException e = loadFails(file);
        assertThat(e.problems()).containsExactly(file + " does not exist");
        assertThat(e.getMessage()).startsWith("Invalid tenant config " + file);
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        Path file = write("tenant.json", "{\n  \"salesforceOrgId\": \"00D5g000004ExAm\",\n  oops\n}");
        assertThat(loadFails(file).problems()).singleElement().asString()
                .startsWith("not valid JSON at line 3, column 3: ");
    }

    @Test
    void aDuplicateKeyIsMalformedJson() throws IOException {
        Path file = write("tenant.json", "{\"partition\": \"aws\", \"partition\": \"aws-us-gov\"}");
        assertThat(loadFails(file).problems()).singleElement().asString()
                .startsWith("not valid JSON at line 1").contains("partition");
    }

    @Test
    void aTopLevelListIsRejected() throws IOException {
        Path file = write("tenant.json", "[]");
        assertThat(loadFails(file).problems()).containsExactly(
                "the file must hold one JSON object with the tenant's fields, found a list");
    }

    @Test
    void unknownFieldsAreListedAtEveryLevelWithTheirPath() throws IOException {
        // GIVEN unknown fields at the top, in a contact center and in its features
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "saml.xml", "region": "us-east-1",
                 "contactCenters": [%s, {"callCenterApiName": "two", "region": "eu-west-2",
                   "connectInstanceId": "4f1e2d3c-6b5a-4978-8a1b-c2d3e4f5a6b7", "connectInstanceAlias": "two",
                   "orgDomainUrl": "https://acme.my.salesforce.com", "scrtUrl": "https://acme.my.salesforce-scrt.com",
                   "instanceArn": "x", "features": {"realtimeTranscription": true, "voicemails": false}}]}
                """.formatted(validCenter("one")));
        // WHEN loaded
        InvalidTenantConfigException e = loadFails(file);
        // THEN each unknown field is named by its JSON path, with the known fields
        assertThat(e.problems()).containsExactly(
                "region = \"us-east-1\": unknown field; the fields of a tenant config are accountId, partition, "
                        + "salesforceOrgId, salesforceAccountId, externalId, permissionBoundaryArn, samlMetadataFile, "
                        + "contactCenters, salesforceManagesFunctions, auditDataEvents",
                "contactCenters[1].instanceArn = \"x\": unknown field; the fields of contactCenters[1] are "
                        + "callCenterApiName, region, connectInstanceId, connectInstanceAlias, orgDomainUrl, scrtUrl, "
                        + "environment, salesforceCredentialsSecretArn, features",
                "contactCenters[1].features.voicemails = false: unknown field; the fields of "
                        + "contactCenters[1].features are realtimeTranscription, contactEvents, contactLens, "
                        + "postCallAnalysis, realtimeAlerts, transcriptBackfill, voicemail");
    }

    @Test
    void wrongTypesAreReportedOnceAndNotAgainAsMissing() throws IOException {
        // GIVEN a numeric org id, a string boolean, and a contact center that is not an object
        Path file = write("tenant.json", """
                {"salesforceOrgId": 15, "samlMetadataFile": "saml.xml", "accountId": 111122223333,
                 "contactCenters": [%s, "acme", null]}
                """.formatted(validCenter("one").replace("scrt.com\"}", "scrt.com\", \"features\": {\"contactEvents\": \"no\", \"voicemail\": 1}}")));
        // WHEN loaded
        InvalidTenantConfigException e = loadFails(file);
        // THEN each wrong type names the path, the value and the expected type
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "salesforceOrgId = 15: must be a JSON string (in quotes), found a number",
                "accountId = 111122223333: must be a JSON string (in quotes), found a number",
                "contactCenters[2] is null: must be a JSON object",
                "contactCenters[1] = \"acme\": must be a JSON object, found a string",
                "contactCenters[0].features.contactEvents = \"no\": must be true or false, found a string",
                "contactCenters[0].features.voicemail = 1: must be true or false, found a number");
    }

    @Test
    void aContactCenterAfterOneOfTheWrongTypeKeepsItsIndexInTheMessages() throws IOException {
        // GIVEN a contact center that is not an object, then one whose region is not a region code
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "saml.xml",
                 "contactCenters": ["acme", %s]}
                """.formatted(validCenter("two").replace("\"us-west-2\"", "\"Oregon\"")));
        // WHEN loaded
        InvalidTenantConfigException e = loadFails(file);
        // THEN the second is still contactCenters[1], and the first is reported once, not again as missing fields
        assertThat(e.problems()).contains("contactCenters[0] = \"acme\": must be a JSON object, found a string")
                .anyMatch(problem -> problem.startsWith("contactCenters[1].region = \"Oregon\""))
                .noneMatch(problem -> problem.startsWith("contactCenters[0]."));
    }

    @Test
    void leftOutSwitchesTakeTheirDefaults() throws IOException {
        // GIVEN a config without salesforceManagesFunctions and auditDataEvents
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "saml.xml", "contactCenters": [%s]}
                """.formatted(validCenter("acme")));
        // WHEN loaded
        var config = TenantConfigLoader.load(file).config();
        // THEN Salesforce does not manage the functions and the trail records data events
        assertThat(config.salesforceManagesFunctionsValue()).isFalse();
        assertThat(config.auditDataEventsValue()).isTrue();
    }

    @Test
    void theSwitchesAreReadAsWritten() throws IOException {
        // GIVEN both switches set against their defaults
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "saml.xml", "contactCenters": [%s],
                 "salesforceManagesFunctions": true, "auditDataEvents": false}
                """.formatted(validCenter("acme")));
        // WHEN loaded
        var config = TenantConfigLoader.load(file).config();
        // THEN the values are the file's
        assertThat(config.salesforceManagesFunctionsValue()).isTrue();
        assertThat(config.auditDataEventsValue()).isFalse();
    }

    @Test
    void switchesThatAreNotBooleansAreReportedWithTheOtherProblems() throws IOException {
        // GIVEN both switches as strings, and a bad org id
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00X", "samlMetadataFile": "saml.xml", "contactCenters": [%s],
                 "salesforceManagesFunctions": "yes", "auditDataEvents": 0}
                """.formatted(validCenter("acme")));
        // WHEN loaded
        InvalidTenantConfigException e = loadFails(file);
        // THEN each wrong type names the path, the value and the rule, in one error with the rest
        assertThat(e.problems()).hasSize(3).contains(
                "salesforceManagesFunctions = \"yes\": must be true or false, found a string",
                "auditDataEvents = 0: must be true or false, found a number");
        assertThat(e.problems()).anyMatch(p -> p.startsWith("salesforceOrgId = \"00X\""));
    }

    @Test
    void rulesOfTheValidatorComeWithStructuralProblemsInOneError() throws IOException {
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00X", "samlMetadataFile": "saml.xml", "colour": "blue",
                 "contactCenters": [%s]}
                """.formatted(validCenter("Acme")));
        InvalidTenantConfigException e = loadFails(file);
        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).startsWith("Invalid tenant config " + file + " (3 problems):")
                .contains("colour = \"blue\": unknown field", "salesforceOrgId = \"00X\"",
                        "contactCenters[0].callCenterApiName = \"Acme\"");
    }

    @Test
    void aConfigFileWithoutSamlMetadataFileIsRefusedWithTheOtherProblems() throws IOException {
        // GIVEN a config file that names no SAML metadata file, and one that names a blank one
        Path without = write("without.json", """
                {"salesforceOrgId": "00X", "contactCenters": [%s]}
                """.formatted(validCenter("one")));
        Path blank = write("blank.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": " ", "contactCenters": [%s]}
                """.formatted(validCenter("one")));
        // WHEN loaded THEN the file is required, reported with the validator's problems, and a blank name refused
        assertThat(loadFails(without).problems()).hasSize(2)
                .anyMatch(problem -> problem.startsWith("salesforceOrgId = \"00X\""))
                .contains("samlMetadataFile is missing: required, the org's SAML metadata XML file, a path relative "
                        + "to the config file");
        assertThat(loadFails(blank).problems()).containsExactly("samlMetadataFile = \" \": must name the org's SAML "
                + "metadata XML file, a path relative to the config file");
    }

    @Test
    void aSamlMetadataFileOfTheWrongTypeIsReportedOnceNotAgainAsMissing() throws IOException {
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": 7, "contactCenters": [%s]}
                """.formatted(validCenter("one")));
        assertThat(loadFails(file).problems()).containsExactly(
                "samlMetadataFile = 7: must be a JSON string (in quotes), found a number");
    }

    @Test
    void aMissingSamlMetadataFileIsReportedWithTheResolvedPath() throws IOException {
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "idp/missing.xml", "contactCenters": [%s]}
                """.formatted(validCenter("acme")));
        assertThat(loadFails(file).problems()).containsExactly("samlMetadataFile = \"idp/missing.xml\": "
                + dir.resolve("idp/missing.xml").toAbsolutePath() + " does not exist (the path is relative to the "
                + "config file's directory)");
    }

    @Test
    void aSamlMetadataFileThatIsNotUtf8IsReportedAsUnreadableNotAsMissing() throws IOException {
        // GIVEN a SAML metadata file that exists but holds a byte sequence that is not UTF-8
        Path saml = dir.resolve("latin1.xml");
        Files.write(saml, new byte[] {'<', 'x', (byte) 0xE9, '>'});
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "latin1.xml", "contactCenters": [%s]}
                """.formatted(validCenter("acme")));
        // WHEN loaded THEN the one problem says the file cannot be read, not that it is missing
        assertThat(loadFails(file).problems()).singleElement().asString()
                .startsWith("samlMetadataFile = \"latin1.xml\": " + saml.toAbsolutePath() + " cannot be read as UTF-8")
                .doesNotContain("does not exist");
    }

    @Test
    void samlMetadataThatIsNotSamlIsRejected() throws IOException {
        write("other.xml", "<?xml version=\"1.0\"?><html>" + "x".repeat(1000) + "</html>");
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "other.xml", "contactCenters": [%s]}
                """.formatted(validCenter("acme")));
        assertThat(loadFails(file).problems()).singleElement().asString()
                .startsWith("samlMetadataFile = \"other.xml\": must be SAML 2.0 metadata");
    }

    @Test
    void samlMetadataShorterThanIamAcceptsIsRejected() throws IOException {
        write("short.xml", "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>");
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "short.xml", "contactCenters": [%s]}
                """.formatted(validCenter("acme")));
        assertThat(loadFails(file).problems()).singleElement().asString()
                .contains("IAM accepts SAML metadata of 1000 to 10000000 characters");
    }

    @Test
    void samlMetadataWithADoctypeIsRejected() throws IOException {
        write("dtd.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">&e;" + " ".repeat(1000)
                + "</md:EntityDescriptor>");
        Path file = write("tenant.json", """
                {"salesforceOrgId": "00D5g000004ExAm", "samlMetadataFile": "dtd.xml", "contactCenters": [%s]}
                """.formatted(validCenter("acme")));
        assertThat(loadFails(file).problems()).singleElement().asString()
                .startsWith("samlMetadataFile = \"dtd.xml\": must be a well-formed XML SAML metadata document");
    }

    @Test
    void theEmbeddedExampleTenantLoads() {
        LoadedTenantConfig loaded = TenantConfigLoader.loadEmbedded();
        assertThat(loaded.source()).isEqualTo("classpath:/config/tenant.example.json");
        assertThat(loaded.config().contactCenters()).hasSize(2);
        assertThat(loaded.samlMetadataXml()).contains("urn:oasis:names:tc:SAML:2.0:metadata");
    }

    @Test
    void theRepositoryExampleFileIsTheEmbeddedOne() {
        Path example = Path.of("..", "config", "tenant.example.json");
        assertThat(TenantConfigLoader.load(example).config()).isEqualTo(TenantConfigLoader.loadEmbedded().config());
    }
}
