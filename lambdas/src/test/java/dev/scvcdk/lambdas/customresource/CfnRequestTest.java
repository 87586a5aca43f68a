package dev.scvcdk.lambdas.customresource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CfnRequestTest {

    @Test
    void readsEveryFieldCloudFormationSendsOnUpdate() {
        CfnRequest request = CfnRequest.from(Events.json("customssm/update-renamed.json", null));

        assertThat(request.requestType()).isEqualTo(CfnRequest.RequestType.Update);
        assertThat(request.responseUrl()).isEqualTo("{{ResponseURL}}");
        assertThat(request.requestId()).isEqualTo("req-update-2");
        assertThat(request.logicalResourceId()).isEqualTo("RestApiAudience");
        assertThat(request.resourceType()).isEqualTo("Custom::ScvSecureParameter");
        assertThat(request.physicalResourceId()).isEqualTo("ACME-salesforce-rest-api-audience");
        assertThat(request.resourceProperties().path("ParameterName").asText())
                .isEqualTo("ACME-v2-salesforce-rest-api-audience");
        assertThat(request.oldResourceProperties().path("ParameterName").asText())
                .isEqualTo("ACME-salesforce-rest-api-audience");
    }

    @Test
    void theOwnerMarkIsTheStackIdAndLogicalId() {
        CfnRequest request = CfnRequest.from(Events.json("customssm/create-literal.json", null));

        assertThat(request.ownerMark()).isEqualTo(request.stackId() + "/RestApiAudience");
    }

    @Test
    void namesEveryMissingOrInvalidEnvelopeFieldAtOnce() throws Exception {
        var event = new ObjectMapper().readTree("{\"RequestType\":\"Upsert\",\"ResponseURL\":\"https://x\"}");

        assertThatThrownBy(() -> CfnRequest.from(event))
                .hasMessageContaining("RequestType 'Upsert' is invalid; it must be Create, Update or Delete")
                .hasMessageContaining("StackId is missing")
                .hasMessageContaining("RequestId is missing")
                .hasMessageContaining("LogicalResourceId is missing");
    }

    @Test
    void anUpdateWithoutPhysicalResourceIdIsRejected() throws Exception {
        var event = (com.fasterxml.jackson.databind.node.ObjectNode)
                Events.json("customssm/update-same-name.json", null);
        event.remove("PhysicalResourceId");

        assertThatThrownBy(() -> CfnRequest.from(event))
                .hasMessageContaining("PhysicalResourceId is missing; CloudFormation sends it with Update");
    }

    @Test
    void tellsCustomResourceEventsFromDirectInvocations() {
        assertThat(CfnRequest.isCustomResourceEvent(Events.json("authkeys/custom-resource-create.json", null)))
                .isTrue();
        assertThat(CfnRequest.isCustomResourceEvent(Events.json("authkeys/generate-key-pair.json", null)))
                .isFalse();
    }
}
