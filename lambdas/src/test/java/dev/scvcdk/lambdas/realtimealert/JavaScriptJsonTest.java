package dev.scvcdk.lambdas.realtimealert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.common.json.Json;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers in the alert payload print as SCV's JSON.stringify prints them. */
class JavaScriptJsonTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"3.0,3", "0.8,0.8", "60,60", "-2.50,-2.5", "0.0,0", "1.0E-6,0.000001", "1.0E-7,1e-7",
            "1.5E21,1.5e+21", "1.0E20,100000000000000000000", "12345678901234567890123,1.2345678901234568e+22"})
    void givenAJsonNumber_whenStringified_thenItReadsAsJavaScriptPrintsIt(String json, String javaScript)
            throws IOException {
        assertThat(JavaScriptJson.stringify(Json.read(json))).isEqualTo(javaScript);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"b\": 1, \"a\": [true, null, \"x\\\"y\"]}|{\"b\":1,\"a\":[true,null,\"x\\\"y\"]}",
            "{\"é\": \"ünïcode\"}|{\"é\":\"ünïcode\"}"})
    void givenAnObject_whenStringified_thenItIsCompactInDocumentOrder(String json, String javaScript)
            throws IOException {
        assertThat(JavaScriptJson.stringify(Json.read(json))).isEqualTo(javaScript);
    }
}
