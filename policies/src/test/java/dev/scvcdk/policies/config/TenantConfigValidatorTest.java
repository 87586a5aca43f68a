package dev.scvcdk.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantConfigValidatorTest {

    private static final String ORG = "00D5g000004ExAm";

    private static ContactCenterConfig center(String name, String region, String instanceId) {
        return new ContactCenterConfig(name, region, instanceId, "acme-" + name,
                "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com", "PRODUCTION", null, null);
    }

    private static TenantConfig tenant(ContactCenterConfig... centers) {
        return new TenantConfig("111122223333", "aws", ORG, null, null, null, "saml.xml", Arrays.asList(centers));
    }

    private static TenantConfig valid() {
        return tenant(center("acmesupport", "us-west-2", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70"),
                center("acmesales", "eu-west-2", "4f1e2d3c-6b5a-4978-8a1b-c2d3e4f5a6b7"));
    }

    /** The valid tenant with its first contact center changed. */
    private static TenantConfig withFirstCenter(UnaryOperator<ContactCenterConfig> change) {
        List<ContactCenterConfig> centers = new ArrayList<>(valid().contactCenters());
        centers.set(0, change.apply(centers.get(0)));
        TenantConfig t = valid();
        return new TenantConfig(t.accountId(), t.partition(), t.salesforceOrgId(), t.salesforceAccountId(),
                t.externalId(), t.permissionBoundaryArn(), t.samlMetadataFile(), centers);
    }

    private static ContactCenterConfig copy(ContactCenterConfig c, String field, String value) {
        return new ContactCenterConfig(
                field.equals("callCenterApiName") ? value : c.callCenterApiName(),
                field.equals("region") ? value : c.region(),
                field.equals("connectInstanceId") ? value : c.connectInstanceId(),
                field.equals("connectInstanceAlias") ? value : c.connectInstanceAlias(),
                field.equals("orgDomainUrl") ? value : c.orgDomainUrl(),
                field.equals("scrtUrl") ? value : c.scrtUrl(),
                field.equals("environment") ? value : c.environment(),
                field.equals("salesforceCredentialsSecretArn") ? value : c.salesforceCredentialsSecretArn(),
                c.features());
    }

    private static List<String> problemsWithCenterField(String field, String value) {
        return TenantConfigValidator.validate(withFirstCenter(c -> copy(c, field, value)));
    }

    private static TenantConfig withTenantField(String field, String value) {
        TenantConfig t = valid();
        return new TenantConfig(
                field.equals("accountId") ? value : t.accountId(),
                field.equals("partition") ? value : t.partition(),
                field.equals("salesforceOrgId") ? value : t.salesforceOrgId(),
                field.equals("salesforceAccountId") ? value : t.salesforceAccountId(),
                field.equals("externalId") ? value : t.externalId(),
                field.equals("permissionBoundaryArn") ? value : t.permissionBoundaryArn(),
                t.samlMetadataFile(), t.contactCenters());
    }

    @Test
    void aValidConfigHasNoProblems() {
        assertThat(TenantConfigValidator.validate(valid())).isEmpty();
    }

    @Test
    void aCdkTokenPassesThroughUncheckedForCloudFormationToResolve() {
        // GIVEN an account id that is CDK's encoding of an unresolved token (e.g. Aws.ACCOUNT_ID)
        TenantConfig t = withTenantField("accountId", "${Token[AWS.AccountId.7]}");

        // THEN the validator leaves it to CloudFormation
        assertThat(TenantConfigValidator.validate(t)).isEmpty();
    }

    @Test
    void aValueThatOnlyMentionsTokenIsStillChecked() {
        // GIVEN text with "Token[" that is not CDK's token encoding
        List<String> problems = TenantConfigValidator.validate(withTenantField("accountId", "Token[12]"));

        assertThat(problems).singleElement().asString().startsWith("accountId = \"Token[12]\"");
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        // GIVEN a tenant without account, partition, Salesforce account, external id, boundary, environment, secret
        TenantConfig t = new TenantConfig(null, null, ORG, null, null, null, "saml.xml", List.of(
                new ContactCenterConfig("acme", "us-east-1", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70", "acme",
                        "https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com", null, null, null)));
        // THEN it is valid
        assertThat(TenantConfigValidator.validate(t)).isEmpty();
    }

    @Test
    void aNullConfigIsOneProblem() {
        assertThat(TenantConfigValidator.validate(null)).singleElement().asString().contains("empty");
    }

    @Test
    void anEmptyObjectReportsEveryRequiredField() {
        // GIVEN a config whose every field is null
        List<String> problems = TenantConfigValidator.validate(
                new TenantConfig(null, null, null, null, null, null, null, null));
        // THEN each required field is reported missing, together; the SAML metadata file is not one of them: code
        // passes the XML itself, and the file loader requires the file (TenantConfigLoaderTest)
        assertThat(problems).containsExactly(
                "salesforceOrgId is missing: required, must be a Salesforce org id: 00D followed by 12 letters or "
                        + "digits (^00D[a-zA-Z0-9]{12}$)",
                "contactCenters is missing: required, a list of at least one contact center");
    }

    @Test
    void aContactCenterWithOnlyNullsReportsEachRequiredFieldByPath() {
        List<String> problems = TenantConfigValidator.validate(
                tenant(new ContactCenterConfig(null, null, null, null, null, null, null, null, null)));
        assertThat(problems).hasSize(6).allMatch(p -> p.startsWith("contactCenters[0].") && p.contains("is missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00D123", "00E5g000004ExAm", "00D5g000004ExA!", "00D5g000004ExAmXYZ", ""})
    void rejectsAMalformedOrgId(String orgId) {
        assertThat(TenantConfigValidator.validate(withTenantField("salesforceOrgId", orgId)))
                .containsExactly("salesforceOrgId = \"" + orgId + "\": must be a Salesforce org id: 00D followed by "
                        + "12 letters or digits (^00D[a-zA-Z0-9]{12}$)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "1234567890123", "abcdefghijkl"})
    void rejectsAMalformedAccountId(String accountId) {
        assertThat(TenantConfigValidator.validate(withTenantField("accountId", accountId)))
                .singleElement().asString().startsWith("accountId = \"" + accountId + "\": must be a 12-digit");
    }

    @Test
    void rejectsAMalformedSalesforceAccountId() {
        assertThat(TenantConfigValidator.validate(withTenantField("salesforceAccountId", "79352538775")))
                .singleElement().asString().startsWith("salesforceAccountId = \"79352538775\": must be Salesforce's");
    }

    @Test
    void rejectsAnUnknownPartition() {
        assertThat(TenantConfigValidator.validate(withTenantField("partition", "aws-cn")))
                .containsExactly("partition = \"aws-cn\": must be one of aws, aws-us-gov");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "has space", "semi;colon"})
    void rejectsAnExternalIdOutsideStsRules(String externalId) {
        assertThat(TenantConfigValidator.validate(withTenantField("externalId", externalId)))
                .singleElement().asString()
                .startsWith("externalId = \"" + externalId + "\": must be 2 to 1224 characters");
    }

    @Test
    void acceptsAnExternalIdOfStsCharacters() {
        assertThat(TenantConfigValidator.validate(withTenantField("externalId", "scv_ext-id+=,.@:/1"))).isEmpty();
    }

    @Test
    void rejectsAnExternalIdLongerThan1224Characters() {
        assertThat(TenantConfigValidator.validate(withTenantField("externalId", "a".repeat(1225)))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::111122223333:policy/ScvBoundary",
            "arn:aws:iam::111122223333:policy/security/boundaries/ScvBoundary"})
    void acceptsABoundaryPolicyArnOfThisAccount(String arn) {
        assertThat(TenantConfigValidator.validate(withTenantField("permissionBoundaryArn", arn))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::111122223333:role/ScvBoundary", "ScvBoundary",
            "arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::111122223333:policy/"})
    void rejectsABoundaryThatIsNotAManagedPolicyArn(String arn) {
        assertThat(TenantConfigValidator.validate(withTenantField("permissionBoundaryArn", arn)))
                .singleElement().asString()
                .startsWith("permissionBoundaryArn = \"" + arn + "\": must be an IAM managed policy ARN");
    }

    @Test
    void rejectsABoundaryInAnotherPartition() {
        String arn = "arn:aws-us-gov:iam::111122223333:policy/ScvBoundary";
        assertThat(TenantConfigValidator.validate(withTenantField("permissionBoundaryArn", arn)))
                .containsExactly("permissionBoundaryArn = \"" + arn + "\": must be in the config's partition 'aws' "
                        + "(arn:aws:iam::...)");
    }

    @Test
    void rejectsABoundaryOfAnotherAccount() {
        String arn = "arn:aws:iam::999988887777:policy/ScvBoundary";
        assertThat(TenantConfigValidator.validate(withTenantField("permissionBoundaryArn", arn)))
                .singleElement().asString().contains("must be a policy of this account 111122223333");
    }

    @Test
    void rejectsAnEmptyContactCenterList() {
        assertThat(TenantConfigValidator.validate(tenant()))
                .containsExactly("contactCenters is empty: required, a list of at least one contact center");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AcmeSupport", "1acme", "acme-support", "acme__support", "acme_", "",
            "abcdefghijklmnopqrstuvwxyz"})
    void rejectsACallCenterApiNameOutsideTheRule(String name) {
        assertThat(problemsWithCenterField("callCenterApiName", name)).singleElement().asString()
                .startsWith("contactCenters[0].callCenterApiName = \"" + name + "\": must be the Salesforce call "
                        + "center API name in lower case")
                .contains("at most 25 characters", "64-character limit");
    }

    @Test
    void acceptsACallCenterApiNameOf25Characters() {
        assertThat(problemsWithCenterField("callCenterApiName", "a_" + "b".repeat(23))).isEmpty();
    }

    @Test
    void rejectsADuplicateCallCenterApiName() {
        List<String> problems = TenantConfigValidator.validate(tenant(
                center("acme", "us-west-2", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70"),
                center("acme", "eu-west-2", "4f1e2d3c-6b5a-4978-8a1b-c2d3e4f5a6b7")));
        assertThat(problems).containsExactly("contactCenters[1].callCenterApiName = \"acme\": must be unique across "
                + "contactCenters; contactCenters[0] already uses it");
    }

    @Test
    void rejectsTwoContactCentersOnOneConnectInstance() {
        List<String> problems = TenantConfigValidator.validate(tenant(
                center("acmesupport", "us-west-2", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70"),
                center("acmesales", "us-west-2", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70")));
        assertThat(problems).containsExactly("contactCenters[1] (region \"us-west-2\", connectInstanceId "
                + "\"0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70\"): each Amazon Connect instance may back only one contact "
                + "center; contactCenters[0] already uses it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-west", "US-WEST-2", "uswest2", "us-west-2a", "mars-north-1"})
    void rejectsAMalformedRegion(String region) {
        assertThat(problemsWithCenterField("region", region)).containsExactly("contactCenters[0].region = \""
                + region + "\": must be an AWS region name such as us-west-2 or us-gov-west-1");
    }

    @Test
    void rejectsAGovCloudRegionInTheCommercialPartition() {
        assertThat(problemsWithCenterField("region", "us-gov-west-1")).containsExactly(
                "contactCenters[0].region = \"us-gov-west-1\": must be a region of the config's partition 'aws'");
    }

    @Test
    void rejectsACommercialRegionInGovCloud() {
        TenantConfig t = valid();
        TenantConfig gov = new TenantConfig(null, "aws-us-gov", ORG, null, null, null, "saml.xml",
                List.of(center("acme", "us-west-2", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70")));
        assertThat(TenantConfigValidator.validate(gov)).containsExactly(
                "contactCenters[0].region = \"us-west-2\": must be a region of the config's partition 'aws-us-gov'");
        assertThat(t.partitionValue()).isEqualTo(Partition.AWS);
    }

    @Test
    void acceptsAGovCloudTenant() {
        TenantConfig gov = new TenantConfig("111122223333", "aws-us-gov", ORG, null, null,
                "arn:aws-us-gov:iam::111122223333:policy/ScvBoundary", "saml.xml",
                List.of(center("acme", "us-gov-west-1", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70")));
        assertThat(TenantConfigValidator.validate(gov)).isEmpty();
    }

    @Test
    void rejectsEveryGovCloudContactCenterOutsideUsGovWest1TogetherNamingTheRuleAndItsSource() {
        // GIVEN a GovCloud tenant whose second and third contact centers are in us-gov-east-1
        TenantConfig gov = new TenantConfig("111122223333", "aws-us-gov", ORG, null, null, null, "saml.xml", List.of(
                center("acmewest", "us-gov-west-1", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70"),
                center("acmeeast", "us-gov-east-1", "4f1e2d3c-6b5a-4978-8a1b-c2d3e4f5a6b7"),
                center("acmeclaims", "us-gov-east-1", "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a")));
        // WHEN validated THEN each is one problem naming the field, the value and the rule with its source
        String rule = "\": must be us-gov-west-1: Amazon Connect in AWS GovCloud (US) is available in AWS GovCloud "
                + "(US-West) only (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-con.html)";
        assertThat(TenantConfigValidator.validate(gov)).containsExactly(
                "contactCenters[1].region = \"us-gov-east-1" + rule,
                "contactCenters[2].region = \"us-gov-east-1" + rule);
    }

    @Test
    void acceptsEveryFeatureInGovCloud() {
        // GIVEN a GovCloud contact center with all seven features on (none is documented as missing there)
        ContactCenterConfig all = new ContactCenterConfig("acme", "us-gov-west-1",
                "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70", "acme-gov", "https://acme.my.salesforce.com",
                "https://acme.my.salesforce-scrt.com", "PRODUCTION", null,
                new Features(true, true, true, true, true, true, true));
        // WHEN validated THEN nothing is refused
        assertThat(TenantConfigValidator.validate(new TenantConfig("111122223333", "aws-us-gov", ORG, null, null,
                null, "saml.xml", List.of(all)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0c7d1a3e5b2f4c8d9e1a2b3c4d5e6f70", "0C7D1A3E-5B2F-4C8D-9E1A-2B3C4D5E6F70",
            "arn:aws:connect:us-west-2:111122223333:instance/0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70", "acme"})
    void rejectsAConnectInstanceIdThatIsNotALowerCaseUuid(String id) {
        assertThat(problemsWithCenterField("connectInstanceId", id)).containsExactly("contactCenters[0]"
                + ".connectInstanceId = \"" + id + "\": must be the Amazon Connect instance id, a lower-case UUID "
                + "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-acme", "acme-", "acme_support",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void rejectsAMalformedConnectInstanceAlias(String alias) {
        assertThat(problemsWithCenterField("connectInstanceAlias", alias)).singleElement().asString()
                .startsWith("contactCenters[0].connectInstanceAlias = \"" + alias + "\": must be the Amazon Connect "
                        + "instance alias");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.my.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com",
            "https://acme-corp.develop.my.salesforce.com"})
    void acceptsOrgDomainUrlsOfMyDomain(String url) {
        assertThat(problemsWithCenterField("orgDomainUrl", url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://acme.my.salesforce.com", "https://acme.my.salesforce.com/",
            "https://acme.my.salesforce.com/services", "https://acme.my.salesforce.com?x=1",
            "https://acme.lightning.force.com", "https://login.salesforce.com", "https://acme.my.salesforce.com.evil.io",
            "acme.my.salesforce.com"})
    void rejectsOrgDomainUrlsOfOtherShapes(String url) {
        assertThat(problemsWithCenterField("orgDomainUrl", url)).singleElement().asString()
                .startsWith("contactCenters[0].orgDomainUrl = \"" + url + "\": must be the org's My Domain URL "
                        + "https://<name>.my.salesforce.com")
                .endsWith("with no path, query or trailing slash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com/",
            "http://acme.my.salesforce-scrt.com", "https://acme.salesforce-scrt.com"})
    void rejectsScrtUrlsOfOtherShapes(String url) {
        assertThat(problemsWithCenterField("scrtUrl", url)).singleElement().asString()
                .startsWith("contactCenters[0].scrtUrl = \"" + url + "\": must be the SCRT2 My Domain URL "
                        + "https://<name>.my.salesforce-scrt.com");
    }

    @Test
    void acceptsASandboxScrtUrl() {
        assertThat(problemsWithCenterField("scrtUrl", "https://acme--uat.sandbox.my.salesforce-scrt.com")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "DEV", ""})
    void rejectsAnUnknownEnvironment(String environment) {
        assertThat(problemsWithCenterField("environment", environment)).containsExactly("contactCenters[0]"
                + ".environment = \"" + environment + "\": must be PRODUCTION or SANDBOX, or left out for PRODUCTION");
    }

    @Test
    void acceptsACredentialsSecretInTheContactCentersRegionAndAccount() {
        assertThat(problemsWithCenterField("salesforceCredentialsSecretArn",
                "arn:aws:secretsmanager:us-west-2:111122223333:secret:scv/acme-credentials-AbCdEf")).isEmpty();
    }

    @Test
    void rejectsACredentialsSecretThatIsNotASecretArn() {
        assertThat(problemsWithCenterField("salesforceCredentialsSecretArn", "scv/acme-credentials"))
                .singleElement().asString().startsWith("contactCenters[0].salesforceCredentialsSecretArn = "
                        + "\"scv/acme-credentials\": must be a Secrets Manager secret ARN");
    }

    @Test
    void rejectsACredentialsSecretInAnotherRegionPartitionAndAccount() {
        String arn = "arn:aws-us-gov:secretsmanager:eu-west-2:999988887777:secret:acme-AbCdEf";
        assertThat(problemsWithCenterField("salesforceCredentialsSecretArn", arn)).containsExactly(
                "contactCenters[0].salesforceCredentialsSecretArn = \"" + arn
                        + "\": must be in the config's partition 'aws'",
                "contactCenters[0].salesforceCredentialsSecretArn = \"" + arn
                        + "\": must be in the contact center's region 'us-west-2'",
                "contactCenters[0].salesforceCredentialsSecretArn = \"" + arn
                        + "\": must be a secret of this account 111122223333");
    }

    @Test
    void reportsEveryProblemTogetherInFieldOrder() {
        // GIVEN a config with a bad org id and two bad contact centers
        TenantConfig t = new TenantConfig("1", "aws", "00Dbad", null, null, null, "saml.xml", List.of(
                center("Bad-Name", "us-west-2", "0c7d1a3e-5b2f-4c8d-9e1a-2b3c4d5e6f70"),
                center("acme", "nowhere", "not-a-uuid")));
        // WHEN validated
        List<String> problems = TenantConfigValidator.validate(t);
        // THEN every problem is listed, each naming its field
        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(' '))).containsExactly(
                "accountId", "salesforceOrgId", "contactCenters[0].callCenterApiName", "contactCenters[1].region",
                "contactCenters[1].connectInstanceId");
    }

    @Test
    void validatedThrowsOneExceptionWithEveryProblem() {
        TenantConfig t = withTenantField("salesforceOrgId", "nope");
        assertThatThrownBy(t::validated).isInstanceOf(InvalidTenantConfigException.class)
                .hasMessageContaining("salesforceOrgId = \"nope\"");
    }
}
