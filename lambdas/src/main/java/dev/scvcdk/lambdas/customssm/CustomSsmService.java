package dev.scvcdk.lambdas.customssm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scvcdk.lambdas.common.aws.SecretsManagerApi;
import dev.scvcdk.lambdas.common.json.Json;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.customresource.CfnRequest;
import dev.scvcdk.lambdas.customresource.CustomResourceResponder.Outcome;
import dev.scvcdk.lambdas.customresource.OwnedParameters;
import dev.scvcdk.lambdas.customssm.SecureParameterProperties.ValueFrom;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The CustomSSM lifecycle over SSM and Secrets Manager; the handler only parses and answers. */
final class CustomSsmService {

    private final OwnedParameters parameters;
    private final SecretsManagerApi secrets;
    private final StructuredLogger log;

    CustomSsmService(OwnedParameters parameters, SecretsManagerApi secrets, StructuredLogger log) {
        this.parameters = parameters;
        this.secrets = secrets;
        this.log = log;
    }

    Outcome handle(CfnRequest request, Consumer<String> secrets) {
        return switch (request.requestType()) {
            // Create and Update both make sure the parameter exists and never touch an existing value. A new
            // ParameterName on Update yields a new PhysicalResourceId; CloudFormation then deletes the old one.
            case Create, Update -> ensure(SecureParameterProperties.from(request.resourceProperties()), request,
                    secrets);
            case Delete -> delete(request);
        };
    }

    private Outcome ensure(SecureParameterProperties properties, CfnRequest request, Consumer<String> secrets) {
        String name = properties.parameterName();
        if (parameters.exists(name)) {
            log.info("parameter exists; value kept", null, Map.of("parameterName", name));
            return Outcome.of(name);
        }
        String value = resolveValue(properties);
        // An SSM validation error quotes the value it rejects: the responder must be able to scrub it.
        secrets.accept(value);
        boolean created = parameters.createIfAbsent(name, value, properties.keyId(), properties.description(),
                request.ownerMark());
        log.info(created ? "parameter created" : "parameter appeared meanwhile; value kept", null,
                Map.of("parameterName", name, "valueFrom", properties.valueFrom().name()));
        return Outcome.of(name);
    }

    private Outcome delete(CfnRequest request) {
        String name = request.physicalResourceId();
        OwnedParameters.Deletion deletion = parameters.deleteIfOwned(name, request.ownerMark());
        log.info("delete: " + deletion.name().toLowerCase(Locale.ROOT), null, Map.of("parameterName", name));
        return Outcome.of(name);
    }

    /** The value to store. Error messages name the secret and key, never the secret's content. */
    private String resolveValue(SecureParameterProperties properties) {
        if (properties.valueFrom() == ValueFrom.Literal) {
            return properties.value();
        }
        String secretId = properties.secretId();
        String secretString = secrets.getSecretValue(secretId).secretString();
        if (secretString == null) {
            throw new IllegalStateException("SecretId '" + secretId + "' holds a binary secret; a SecureString "
                    + "parameter needs a SecretString");
        }
        String value = properties.secretJsonKey() == null
                ? secretString
                : jsonField(secretString, secretId, properties.secretJsonKey());
        if (value.isEmpty()) {
            throw new IllegalStateException("SecretId '" + secretId + "'"
                    + (properties.secretJsonKey() == null ? "" : " key '" + properties.secretJsonKey() + "'")
                    + " is empty; SSM cannot store an empty value, so fill in the secret first");
        }
        if (value.length() > OwnedParameters.MAX_STANDARD_VALUE_LENGTH) {
            throw new IllegalStateException("SecretId '" + secretId + "' yields a value of " + value.length()
                    + " characters; a parameter holds at most " + OwnedParameters.MAX_STANDARD_VALUE_LENGTH);
        }
        return value;
    }

    private static String jsonField(String secretString, String secretId, String key) {
        JsonNode document;
        try {
            document = Json.read(secretString);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending text: it would leak the secret into the stack events.
            document = null;
        }
        if (document == null || !document.isObject()) {
            throw new IllegalStateException("SecretId '" + secretId + "' is not a JSON object, so SecretJsonKey '"
                    + key + "' cannot be read from it");
        }
        JsonNode field = document.get(key);
        if (field == null || field.isNull()) {
            throw new IllegalStateException("SecretId '" + secretId + "' has no key '" + key + "'");
        }
        if (!field.isValueNode()) {
            throw new IllegalStateException("SecretId '" + secretId + "' key '" + key + "' is a "
                    + field.getNodeType() + "; it must be a string");
        }
        return field.asText();
    }
}
