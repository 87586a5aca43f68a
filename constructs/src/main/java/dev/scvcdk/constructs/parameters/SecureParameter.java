package dev.scvcdk.constructs.parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.constructs.Construct;

/**
 * One SSM SecureString seeded by the CustomSSM function ({@code Custom::ScvSecureParameter}). The
 * function never overwrites an existing value, keeps the parameter name as the physical id, and
 * removes the parameter on delete.
 */
public final class SecureParameter extends Construct {
    /** CloudFormation type of the custom resource. */
    public static final String RESOURCE_TYPE = "Custom::ScvSecureParameter";

    private final CustomResource resource;
    private final String parameterName;

    public SecureParameter(Construct scope, String id, SecureParameterProps props) {
        super(scope, id);
        parameterName = props.getParameterName();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ParameterName", props.getParameterName());
        properties.putAll(props.getValue().toProperties());
        if (props.getEncryptionKey() != null) {
            properties.put("KeyId", props.getEncryptionKey().getKeyArn());
        }
        if (props.getDescription() != null) {
            properties.put("Description", props.getDescription());
        }
        resource = CustomResource.Builder.create(this, "Resource")
                .serviceToken(props.getServiceToken())
                .resourceType(RESOURCE_TYPE)
                .properties(properties)
                .build();
    }

    public String getParameterName() {
        return parameterName;
    }

    public CustomResource getResource() {
        return resource;
    }
}
