package dev.scvcdk.constructs.parameters;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.CustomResource;
import software.constructs.Construct;

/**
 * The SCRT JWT key pair, generated inside AWS by the AuthKeysSSMUtil function: the private key goes
 * straight into its SecureString, and only the public certificate comes back (attribute
 * {@code Certificate}), for upload to Salesforce's call center.
 */
public final class ScrtKeyPair extends Construct {
    /** CloudFormation type of the custom resource. */
    public static final String RESOURCE_TYPE = "Custom::ScvScrtKeyPair";

    private final CustomResource resource;

    public ScrtKeyPair(Construct scope, String id, ScrtKeyPairProps props) {
        super(scope, id);
        resource = CustomResource.Builder.create(this, "Resource")
                .serviceToken(props.getServiceToken())
                .resourceType(RESOURCE_TYPE)
                // sorted: Map.of's order changes from one JVM to the next, and the template must not
                .properties(Map.of("Parameters", new TreeMap<>(Map.of(
                        "RequestType", "GeneratePrivatePublicKeyPair",
                        "Details", new TreeMap<>(Map.of(
                                "SSMParamName", props.getParameterName(),
                                "OrganizationalUnitName", props.getOrganizationalUnitName(),
                                "ExpiresIn", props.getExpiresInDays()))))))
                .build();
    }

    /** The public certificate (PEM). Never the private key. */
    public String getCertificate() {
        return resource.getAttString("Certificate");
    }

    public CustomResource getResource() {
        return resource;
    }
}
