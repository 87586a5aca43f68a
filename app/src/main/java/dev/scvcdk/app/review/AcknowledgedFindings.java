package dev.scvcdk.app.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.scvcdk.app.review.SynthesizedAssembly.StackArtifact;

/**
 * Every cdk-nag acknowledgement recorded in the synthesized assembly: the {@code aws:cdk:acknowledged-rules}
 * metadata each stack's constructs carry (the register as applied), for all five packs. The assembly's
 * {@code validation-report.json} lists suppressed findings of one pack only, so it is not the source.
 *
 * @param acknowledgements by pack, finding id, construct path
 */
public record AcknowledgedFindings(List<Acknowledgement> acknowledgements) {

    /**
     * The metadata type of acknowledgements, {@code Validations.ACKNOWLEDGED_RULES_METADATA_KEY}: a literal, as
     * reading the constant starts the jsii runtime (seconds) in a JVM that has none; ReviewReportModelTest pins it.
     */
    static final String ACKNOWLEDGED_RULES_METADATA_TYPE = "aws:cdk:acknowledged-rules";

    /** {@code Validations.acknowledge} records ids with this prefix; ids recorded as raw metadata have none. */
    private static final String ANNOTATION_PREFIX = "Annotation::";

    /**
     * One acknowledged finding on one construct (the finding there or below it).
     *
     * @param pack          the cdk-nag pack, e.g. {@code HIPAA.Security}
     * @param findingId     the exact finding id, e.g. {@code AwsSolutions-IAM5[Resource::*]}
     * @param constructPath the construct path without a leading slash, e.g. {@code ScvAccountStack/SCVProvisioningRole}
     * @param reason        why it is accepted
     */
    public record Acknowledgement(String pack, String findingId, String constructPath, String reason) {
    }

    /** The acknowledgements of every stack of the assembly. */
    public static AcknowledgedFindings of(SynthesizedAssembly assembly) {
        List<Acknowledgement> all = new ArrayList<>();
        for (StackArtifact stack : assembly.stacks()) {
            for (Map.Entry<String, JsonNode> path : stack.metadata().properties()) {
                String constructPath = path.getKey().startsWith("/") ? path.getKey().substring(1) : path.getKey();
                for (JsonNode entry : path.getValue()) {
                    if (!ACKNOWLEDGED_RULES_METADATA_TYPE.equals(entry.path("type").asText())) {
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> id : entry.path("data").properties()) {
                        String findingId = id.getKey().startsWith(ANNOTATION_PREFIX)
                                ? id.getKey().substring(ANNOTATION_PREFIX.length()) : id.getKey();
                        all.add(new Acknowledgement(packOf(findingId), findingId, constructPath,
                                id.getValue().asText()));
                    }
                }
            }
        }
        all.sort(Comparator.comparing(Acknowledgement::pack).thenComparing(Acknowledgement::findingId)
                .thenComparing(Acknowledgement::constructPath));
        return new AcknowledgedFindings(List.copyOf(all.stream().distinct().toList()));
    }

    /** The pack of a finding id: the part before the first {@code -} ({@code NIST.800.53.R5-LambdaDLQ}). */
    static String packOf(String findingId) {
        int dash = findingId.indexOf('-');
        return dash < 0 ? findingId : findingId.substring(0, dash);
    }
}
