package dev.scvcdk.policies.statements;

import java.util.Set;

/**
 * The only actions SCV grants on {@code Resource: "*"}: per the Service Authorization Reference
 * they have no resource-level permissions. Every such grant also carries an
 * {@code aws:RequestedRegion} condition.
 */
public final class WildcardOnlyActions {
    private WildcardOnlyActions() {
    }

    public static final Set<String> ACTIONS = Set.of(
            "transcribe:StartStreamTranscription",
            "transcribe:StartMedicalStreamTranscription",
            // bound instead by transcribe:OutputBucketName / OutputKey
            "transcribe:StartTranscriptionJob",
            "ds:DescribeDirectories",
            "s3:ListAllMyBuckets",
            "connect:ListInstances",
            "lambda:ListFunctions",
            "lambda:CreateEventSourceMapping",
            "kms:ListAliases",
            "cloudformation:ListStacks",
            "xray:PutTraceSegments",
            "xray:PutTelemetryRecords");

    public static boolean contains(String action) {
        return ACTIONS.contains(action);
    }
}
