package dev.scvcdk.lambdas.authkeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scvcdk.lambdas.common.keys.PemPrivateKeys;
import dev.scvcdk.lambdas.common.keys.SecureValueException;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.customresource.CfnRequest;
import dev.scvcdk.lambdas.customresource.CustomResourceResponder.Outcome;
import dev.scvcdk.lambdas.customresource.InvalidPropertiesException;
import dev.scvcdk.lambdas.customresource.OwnedParameters;
import dev.scvcdk.lambdas.customresource.Redaction;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * AuthKeysSSMUtil's two ways in: a direct invocation (SCV's contract, also how Salesforce rotates the key
 * through SCVUpdateCredentialRole) and a CloudFormation custom resource that generates the key pair once.
 */
final class AuthKeysService {

    static final String GENERATE_KEY_PAIR = "GeneratePrivatePublicKeyPair";
    static final String CREATE_PARAMETER = "CreateSSMParameter";
    static final int RSA_KEY_BITS = 2048;
    private static final String REDACTED = "[REDACTED]";

    private final OwnedParameters parameters;
    private final ParameterNameRule names;
    private final Clock clock;
    private final StructuredLogger log;

    AuthKeysService(OwnedParameters parameters, ParameterNameRule names, Clock clock, StructuredLogger log) {
        this.parameters = parameters;
        this.names = names;
        this.clock = clock;
        this.log = log;
    }

    /**
     * A direct invocation, answered in SCV's words (Salesforce reads them): {@code {"Success": true, "Certificate":
     * …}}, {@code {"Success": true, "Message": "The SSM parameter <name> is put successfully."}}, or
     * {@code {"Success": false, "Message": "Unsupported requestType along with parameter <name>"}} for any other
     * request type. A name outside this contact center's, or bad details, are refused with a message naming the
     * field, the value and the rule, before any SSM call. Key material and {@code SSMParamValue} are never returned
     * or logged.
     */
    ObjectNode invoke(JsonNode event) {
        JsonNode properties = event.path("ResourceProperties").path("Parameters");
        String requestType = properties.path("RequestType").asText(null);
        JsonNode details = properties.path("Details");
        String name = details.path("SSMParamName").asText(null);
        if (!GENERATE_KEY_PAIR.equals(requestType) && !CREATE_PARAMETER.equals(requestType)) {
            return failure(requestType, "Unsupported requestType along with parameter " + name);
        }
        String value = details.path("SSMParamValue").asText("");
        KeyPairDetails request;
        try {
            request = checkedDetails(requestType, details, "Details.SSMParamName");
        } catch (InvalidPropertiesException e) {
            return failure(requestType, Redaction.scrub(String.join("; ", e.problems()), Set.of(value), REDACTED));
        }
        try {
            if (GENERATE_KEY_PAIR.equals(requestType)) {
                KeyPair keyPair = generateKeyPair();
                parameters.overwrite(request.parameterName(), Pem.privateKey(keyPair.getPrivate()));
                log.info("key pair generated; private key stored", null,
                        Map.of("requestType", requestType, "parameterName", request.parameterName()));
                return result(true).put("Certificate", certificate(keyPair, request));
            }
            parameters.overwrite(request.parameterName(), request.value());
            log.info("parameter stored", null,
                    Map.of("requestType", requestType, "parameterName", request.parameterName()));
            return result(true).put("Message", "The SSM parameter " + request.parameterName() + " is put successfully.");
        } catch (RuntimeException e) {
            // An SSM validation error quotes the value it rejects: never answer or log SSMParamValue.
            return failure(requestType, Redaction.scrub(e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Set.of(value), REDACTED));
        }
    }

    /**
     * The custom-resource lifecycle. Create and Update generate a key pair only when the parameter does not exist
     * (a stack update never rotates the key silently); an existing key gets a freshly issued certificate, so
     * {@code Certificate} always matches the stored key. Delete removes only a parameter this resource created.
     */
    Outcome lifecycle(CfnRequest request, Consumer<String> secrets) {
        if (request.requestType() == CfnRequest.RequestType.Delete) {
            String name = request.physicalResourceId();
            Optional<String> foreign = names.problem("PhysicalResourceId", name);
            if (foreign.isPresent()) {
                // Never this function's to write, so never created by this resource: nothing to delete.
                log.info("delete: not this contact center's parameter; left alone", null,
                        Map.of("parameterName", name));
                return Outcome.of(name);
            }
            OwnedParameters.Deletion deletion = parameters.deleteIfOwned(name, request.ownerMark());
            log.info("delete: " + deletion.name().toLowerCase(Locale.ROOT), null, Map.of("parameterName", name));
            return Outcome.of(name);
        }
        JsonNode properties = request.resourceProperties().path("Parameters");
        String requestType = properties.path("RequestType").asText(null);
        if (!GENERATE_KEY_PAIR.equals(requestType)) {
            throw new InvalidPropertiesException(List.of("Parameters.RequestType '" + requestType + "' is not "
                    + "supported as a custom resource; it must be " + GENERATE_KEY_PAIR + " (seed other "
                    + "parameters with CustomSSMFunction, which keeps secrets out of the template)"));
        }
        KeyPairDetails details = checkedDetails(requestType, properties.path("Details"),
                "Parameters.Details.SSMParamName");
        String name = details.parameterName();
        Optional<String> existing = parameters.read(name, true);
        if (existing.isEmpty()) {
            KeyPair generated = generateKeyPair();
            if (parameters.createIfAbsent(name, Pem.privateKey(generated.getPrivate()), null,
                    "SCRT JWT signing key, generated by " + request.logicalResourceId(), request.ownerMark())) {
                log.info("key pair generated; private key stored", null, Map.of("parameterName", name));
                return new Outcome(name, Map.of("Certificate", certificate(generated, details)));
            }
            // Another writer created it between the read and the write: use theirs.
            existing = parameters.read(name, true);
        }
        KeyPair stored = existing.map(pem -> readStoredKey(pem, name))
                .orElseThrow(() -> new IllegalStateException("parameter " + name + " vanished while being read"));
        log.info("parameter exists; key kept, certificate re-issued", null, Map.of("parameterName", name));
        return new Outcome(name, Map.of("Certificate", certificate(stored, details)));
    }

    /**
     * The request's details, checked for its type, with the parameter-name rule: every problem, the rule's
     * included, is thrown at once.
     */
    private KeyPairDetails checkedDetails(String requestType, JsonNode details, String nameProperty) {
        List<String> problems = new ArrayList<>();
        String name = details.path("SSMParamName").asText(null);
        if (name != null) {
            names.problem(nameProperty, name).ifPresent(problems::add);
        }
        KeyPairDetails checked = null;
        try {
            checked = GENERATE_KEY_PAIR.equals(requestType)
                    ? KeyPairDetails.forKeyPair(details)
                    : KeyPairDetails.forParameter(details);
        } catch (InvalidPropertiesException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidPropertiesException(problems);
        }
        return checked;
    }

    private String certificate(KeyPair keyPair, KeyPairDetails details) {
        return Pem.certificate(SelfSignedCertificate.issue(keyPair, details.organizationalUnit(), clock.instant(),
                details.expiresInDays(), new SecureRandom()));
    }

    /** The stored key and its public half (derived from the CRT parameters a PKCS#8/#1 RSA key carries). */
    private static KeyPair readStoredKey(String pem, String name) {
        RSAPrivateKey key;
        try {
            key = PemPrivateKeys.parse(pem, "parameter " + name);
        } catch (SecureValueException e) {
            throw new IllegalStateException(e.getMessage() + "; it is left unchanged: delete it or store an RSA "
                    + "private key in PEM to continue");
        }
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("parameter " + name + " holds an RSA key without its public exponent");
        }
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(publicKey, crt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("parameter " + name + " holds an RSA key whose public key is invalid");
        }
    }

    /** A fresh SecureRandom per key pair: a SnapStart snapshot must not share one seeded state between restores. */
    private static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(RSA_KEY_BITS, RSAKeyGenParameterSpec.F4),
                    new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable in this JVM", e);
        }
    }

    private static ObjectNode result(boolean success) {
        return JsonNodeFactory.instance.objectNode().put("Success", success);
    }

    private ObjectNode failure(String requestType, String message) {
        log.warn("request failed", null, Map.of("requestType", String.valueOf(requestType), "problem", message));
        return result(false).put("Message", message);
    }
}
