package dev.scvcdk.lambdas.restapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.scvcdk.lambdas.common.json.Json;
import org.junit.jupiter.api.Test;

class ConnectResultsTest {

    @Test
    void nestedObjectsBecomeDottedKeysWithoutAttributesBlocks() throws Exception {
        var record = Json.read("{\"attributes\":{\"type\":\"Case\",\"url\":\"/x\"},\"Id\":\"5005e00000XYZ12AAC\","
                + "\"Contact\":{\"attributes\":{\"type\":\"Contact\"},\"Name\":\"Ada\","
                + "\"Account\":{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\"}}}");

        assertThat(ConnectResults.flatten(record)).containsExactly(entry("Id", "5005e00000XYZ12AAC"),
                entry("Contact.Name", "Ada"), entry("Contact.Account.Name", "Acme"));
    }

    @Test
    void arrayElementsAreNumbered() throws Exception {
        assertThat(ConnectResults.flatten(Json.read("{\"ids\":[\"a\",\"b\"],\"rows\":[{\"x\":1}]}")))
                .containsExactly(entry("ids.0", "a"), entry("ids.1", "b"), entry("rows.0.x", "1"));
    }

    @Test
    void scalarsBecomeTheirTextAndNullBecomesEmpty() throws Exception {
        assertThat(ConnectResults.flatten(Json.read("{\"n\":42,\"d\":1.5,\"b\":true,\"z\":null,\"s\":\"t\"}")))
                .containsExactly(entry("n", "42"), entry("d", "1.5"), entry("b", "true"), entry("z", ""), entry("s", "t"));
    }

    @Test
    void emptyObjectsAndArraysLeaveNoKey() throws Exception {
        assertThat(ConnectResults.flatten(Json.read("{\"o\":{},\"a\":[],\"k\":\"v\"}"))).containsExactly(entry("k", "v"));
    }

    @Test
    void aFieldNamedAttributesThatIsNotAnObjectIsKept() throws Exception {
        assertThat(ConnectResults.flatten(Json.read("{\"attributes\":\"plain\"}"))).containsExactly(entry("attributes", "plain"));
    }

    @Test
    void topLevelScalarLandsUnderValue() throws Exception {
        assertThat(ConnectResults.flatten(Json.read("\"ok\""))).containsExactly(entry("value", "ok"));
    }
}
