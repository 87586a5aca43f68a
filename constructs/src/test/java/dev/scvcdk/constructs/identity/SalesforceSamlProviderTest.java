package dev.scvcdk.constructs.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class SalesforceSamlProviderTest {
    private final Stack stack = new Stack(new App(), "Test");

    @Test
    void providerIsNamedForTheOrgAndCarriesItsMetadata() {
        // WHEN a provider is made from the org's metadata XML
        SalesforceSamlProvider.fromMetadataXml(stack, "Saml", "00D5g000004ExAm", TestSamlMetadata.xml());

        // THEN it has SCV's name and exactly that metadata
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::SAMLProvider", Map.of(
                "Name", "SalesforceServiceVoiceIdp_00D5g000004ExAm",
                "SamlMetadataDocument", TestSamlMetadata.xml()));
    }

    @Test
    void metadataCanBeReadFromAFile() {
        SalesforceSamlProvider.fromMetadataFile(stack, "Saml", "00D5g000004ExAm", TestSamlMetadata.path().toString());

        Template.fromStack(stack).hasResourceProperties("AWS::IAM::SAMLProvider", Map.of(
                "SamlMetadataDocument", TestSamlMetadata.xml()));
    }

    @Test
    void providerArnIsTheResourceRef() {
        SalesforceSamlProvider provider = SalesforceSamlProvider.fromMetadataXml(stack, "Saml", "00D5g000004ExAm",
                TestSamlMetadata.xml());

        String logicalId = stack.getLogicalId((CfnElement) provider.getProvider().getNode().getDefaultChild());
        assertThat(stack.resolve(provider.getProviderArn())).isEqualTo(Map.of("Ref", logicalId));
    }

    @Test
    void malformedOrgIdIsRejectedQuotingItAndTheRule() {
        assertThatThrownBy(() -> SalesforceSamlProvider.fromMetadataXml(stack, "Saml", "00X123",
                TestSamlMetadata.xml()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orgId '00X123'")
                .hasMessageContaining("00D followed by 12 letters or digits");
    }
}
