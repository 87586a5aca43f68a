package dev.scvcdk.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Secrets never appear in a template: keys are generated in AWS, credentials come from Secrets Manager. */
class NoSecretsInTemplatesTest {

    private static final Map<String, Pattern> SECRET_SHAPES = Map.of(
            "PEM block", Pattern.compile("-----BEGIN [A-Z ]+-----"),
            "AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            "JSON web token", Pattern.compile("\\beyJ[\\w-]{10,}\\.eyJ[\\w-]{10,}\\.[\\w-]{10,}"),
            "Salesforce access token", Pattern.compile("\\b00D[a-zA-Z0-9]{12}![\\w.]{20,}"),
            "password value", Pattern.compile("(?i)\"[^\"]*(password|secret|privatekey|private_key)\"\\s*:\\s*\"[^\"$]{6,}\""));

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tenant.class)
    void noTemplateHoldsAnythingShapedLikeASecret(Tenant tenant) {
        List<String> findings = new ArrayList<>();
        SynthesizedApp.acknowledged(tenant).templates.forEach((stack, template) -> scan(stack, template, findings));
        assertThat(findings).as("secret-shaped values in synthesized templates").isEmpty();
    }

    @Test
    void theScanRecognisesAPrivateKeyInAParameterDefault() throws Exception {
        // GIVEN a template that leaks a key in a parameter default
        JsonNode leaky = new ObjectMapper().readTree(
                "{\"Parameters\": {\"Key\": {\"Type\": \"String\", \"Default\": "
                        + "\"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\"}}}");
        List<String> findings = new ArrayList<>();
        // WHEN scanned THEN the leak is found
        scan("Leaky", leaky, findings);
        assertThat(findings).containsExactly("Leaky: PEM block: -----BEGIN PRIVATE KEY-----");
    }

    private static void scan(String stack, JsonNode template, List<String> findings) {
        String text = template.toString();
        SECRET_SHAPES.forEach((what, pattern) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                findings.add(stack + ": " + what + ": " + m.group());
            }
        });
    }
}
