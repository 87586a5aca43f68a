package dev.scvcdk.constructs.contactcenter;

import dev.scvcdk.constructs.alerts.RealtimeAlerts;
import dev.scvcdk.constructs.functions.ScvFunction;
import dev.scvcdk.constructs.iam.ScvBoundary;
import dev.scvcdk.constructs.keys.TenantKeys;
import dev.scvcdk.policies.ScvNames.Function;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * A stack holding one {@link ScvContactCenter} (construct id {@value ScvContactCenter#WRAPPED_ID}, which CDK leaves
 * out of logical ids: the template is the one the stack had before the construct existed). In the contact center's
 * region and the config's account unless {@link ScvContactCenterStackProps.Builder#env} says otherwise. Every role
 * in the stack, CDK-made ones included, carries the SCV boundary. The accessors are the construct's.
 */
public final class ScvContactCenterStack extends Stack {
    /** @see ScvContactCenter#ACCESS_TOKEN_MARKER */
    public static final String ACCESS_TOKEN_MARKER = ScvContactCenter.ACCESS_TOKEN_MARKER;

    /** @see ScvContactCenter#CREDENTIAL_KEYS */
    public static final List<String> CREDENTIAL_KEYS = ScvContactCenter.CREDENTIAL_KEYS;

    private final ScvContactCenter contactCenter;

    public ScvContactCenterStack(Construct scope, String id, ScvContactCenterStackProps props) {
        super(scope, id, props.toStackProps());
        this.contactCenter = new ScvContactCenter(this, ScvContactCenter.WRAPPED_ID, props.getContactCenterProps());
        // the whole stack is SCV's: roles CDK adds at stack level later carry the boundary too
        ScvBoundary.applyTo(this, contactCenter.getPermissionsBoundary());
    }

    /** The contact center this stack holds. */
    public ScvContactCenter getContactCenter() {
        return contactCenter;
    }

    /** @see ScvContactCenter#constructIdOf */
    public static String constructIdOf(Function which) {
        return ScvContactCenter.constructIdOf(which);
    }

    public Optional<RealtimeAlerts> getRealtimeAlerts() {
        return contactCenter.getRealtimeAlerts();
    }

    public String getCallCenterApiName() {
        return contactCenter.getCallCenterApiName();
    }

    /** A deployed function, or empty when its feature is off. */
    public Optional<ScvFunction> getFunction(Function which) {
        return contactCenter.getFunction(which);
    }

    public Map<Function, ScvFunction> getFunctions() {
        return contactCenter.getFunctions();
    }

    public TenantKeys getKeys() {
        return contactCenter.getKeys();
    }

    public IBucket getTenantBucket() {
        return contactCenter.getTenantBucket();
    }

    public IStream getCtrStream() {
        return contactCenter.getCtrStream();
    }

    public IStream getContactLensStream() {
        return contactCenter.getContactLensStream();
    }

    public IQueue getFailureQueue() {
        return contactCenter.getFailureQueue();
    }

    public ITopic getAlarmTopic() {
        return contactCenter.getAlarmTopic();
    }

    public ISecret getCredentialsSecret() {
        return contactCenter.getCredentialsSecret();
    }

    public Map<String, Role> getContactCenterRoles() {
        return contactCenter.getContactCenterRoles();
    }

    public String getScrtCertificate() {
        return contactCenter.getScrtCertificate();
    }
}
