package dev.scvcdk.policies.statements;

import dev.scvcdk.policies.ScvNames.Function;
import dev.scvcdk.policies.iam.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Statements many roles share: own logs, failure queue, parameter and secret reads, KMS use
 * narrowed by alias or encryption context, alias invocation and region-bound wildcard actions.
 */
public final class CommonGrants {
    /** Condition key naming a key by any of its aliases. */
    public static final String RESOURCE_ALIASES = "kms:ResourceAliases";
    public static final String VIA_SERVICE = "kms:ViaService";
    public static final String REQUESTED_REGION = "aws:RequestedRegion";

    private final TenantResources res;

    public CommonGrants(TenantResources res) {
        this.res = res;
    }

    public Statement logs(List<String> logStreams) {
        return Statements.allow("WriteOwnLogs")
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources(logStreams)
                .build();
    }

    /** X-Ray trace delivery: no resource-level permissions, so only bound to the contact-center regions. */
    public Statement traces() {
        return wildcardOnly("WriteTraces", "xray:PutTraceSegments", "xray:PutTelemetryRecords");
    }

    /**
     * KMS use for SecureStrings, whatever key encrypts them: only through SSM and only for these
     * parameters (SSM puts the parameter ARN in the encryption context; matched with StringLike when
     * the list holds a {@code <cc>-salesforce-rest-api-*} pattern).
     */
    public Statement parameterKey(String sid, List<String> parameterArns, String... kmsActions) {
        return Statements.allow(sid)
                .actions(kmsActions)
                .resources(res.keysViaService())
                .condition("StringEquals", VIA_SERVICE, res.viaService("ssm"))
                .condition(parameterArns.stream().anyMatch(arn -> arn.contains("*")) ? "StringLike" : "StringEquals",
                        "kms:EncryptionContext:PARAMETER_ARN", parameterArns)
                .build();
    }

    public Statement secretKey(String sid, String... kmsActions) {
        return Statements.allow(sid)
                .actions(kmsActions)
                .resources(res.keysViaService())
                .condition("StringEquals", VIA_SERVICE, res.viaService("secretsmanager"))
                .condition("StringLike", "kms:EncryptionContext:SecretARN", res.salesforceSecrets())
                .build();
    }

    /** KMS actions on the keys carrying one of {@code aliases}, only when called through {@code service}. */
    public Statement keyByAlias(String sid, List<String> aliases, String service, String... kmsActions) {
        return Statements.allow(sid)
                .actions(kmsActions)
                .resources(res.keysViaService())
                .condition("ForAnyValue:StringEquals", RESOURCE_ALIASES, aliases)
                .condition("StringEquals", VIA_SERVICE, res.viaService(service))
                .build();
    }

    /** lambda:InvokeFunction on the {@code active} alias of {@code function} in every contact center. */
    public Statement invokeAlias(String sid, Function function) {
        return Statements.allow(sid)
                .actions("lambda:InvokeFunction")
                .resources(res.functionAliases(function))
                .build();
    }

    /** Actions without resource-level permissions, on {@code *} but only in the contact-center regions. */
    public Statement wildcardOnly(String sid, String... actions) {
        return wildcardOnly(sid, res.regions(), actions).build();
    }

    /** Actions without resource-level permissions on {@code *}, only in {@code regions}; add conditions freely. */
    public Statements.Builder wildcardOnly(String sid, List<String> regions, String... actions) {
        List<String> notWildcardOnly = Arrays.stream(actions).filter(a -> !WildcardOnlyActions.contains(a)).toList();
        if (!notWildcardOnly.isEmpty()) {
            throw new IllegalArgumentException("actions " + notWildcardOnly
                    + " support resource-level permissions and must not be granted on '*'");
        }
        return Statements.allow(sid)
                .actions(actions)
                .resources("*")
                .condition("StringEquals", REQUESTED_REGION, regions);
    }
}
