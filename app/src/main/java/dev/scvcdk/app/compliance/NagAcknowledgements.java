package dev.scvcdk.app.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * The acknowledgement register: every cdk-nag finding the SCV app accepts, in one place, each with the construct
 * it applies to, the exact finding id and the reason. The app applies the register with
 * {@link #apply(IConstruct, List)}; the compliance suite fails when an entry no longer matches a finding.
 */
public final class NagAcknowledgements {

    /** A finding id: a rule id, optionally with the finding in brackets, e.g. {@code AwsSolutions-IAM5[Resource::*]}. */
    private static final Pattern FINDING_ID = Pattern.compile("^[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*-[A-Za-z0-9]+(\\[.+])?$");
    private static final int MIN_REASON_LENGTH = 20;

    /**
     * One accepted finding.
     *
     * @param stack     the stack's construct id, or a glob over it ({@code ScvContactCenter-*})
     * @param path      the construct path relative to the stack, a glob ({@code *} within one path segment,
     *                  {@code **} across segments); the finding must be on this construct or below it
     * @param findingId the exact finding id as cdk-nag reports it
     * @param reason    why the finding is acceptable, for a security reviewer
     */
    public record Entry(String stack, String path, String findingId, String reason) {
        public Entry {
            Objects.requireNonNull(stack, "stack");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(findingId, "findingId");
            Objects.requireNonNull(reason, "reason");
            if (!FINDING_ID.matcher(findingId).matches()) {
                throw new IllegalArgumentException("acknowledgement findingId \"" + findingId
                        + "\": must be an exact cdk-nag finding id such as AwsSolutions-IAM5[Resource::*]");
            }
            if (reason.strip().length() < MIN_REASON_LENGTH) {
                throw new IllegalArgumentException("acknowledgement of " + findingId + " at " + stack + "/" + path
                        + ": the reason \"" + reason + "\" must explain the acceptance in at least "
                        + MIN_REASON_LENGTH + " characters");
            }
        }

        boolean matchesStack(String stackId) {
            return glob(stack).matcher(stackId).matches();
        }

        boolean matchesPath(String relativePath) {
            return glob(path).matcher(relativePath).matches();
        }
    }

    /** An entry and the constructs it was applied to (empty when its path matches nothing: a stale entry). */
    public record Applied(Entry entry, List<String> constructPaths) {
    }

    /**
     * The register. Add an entry only with the exact finding id from {@code cdk.out/validation-report.json} and a
     * reason a security reviewer would accept; the compliance suite rejects entries that match no finding.
     */
    public static final List<Entry> REGISTER = List.of();

    private NagAcknowledgements() {
    }

    /** Applies the entries to every matching construct under {@code root}, returning where each one landed. */
    public static List<Applied> apply(IConstruct root, List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        // Paths are read once: each read is a call into the jsii runtime.
        List<Located> constructs = new ArrayList<>();
        for (IConstruct construct : root.getNode().findAll()) {
            if (!Stack.isStack(construct)) {
                continue;
            }
            Stack stack = (Stack) construct;
            String stackPath = stack.getNode().getPath();
            for (IConstruct child : stack.getNode().findAll()) {
                String fullPath = child.getNode().getPath();
                if (fullPath.startsWith(stackPath + "/")) {
                    constructs.add(new Located(stack.getNode().getId(), fullPath.substring(stackPath.length() + 1),
                            fullPath, child));
                }
            }
        }
        List<Applied> applied = new ArrayList<>();
        for (Entry entry : entries) {
            List<String> paths = new ArrayList<>();
            for (Located located : constructs) {
                if (entry.matchesStack(located.stackId()) && entry.matchesPath(located.relativePath())) {
                    Validations.of(located.construct()).acknowledge(Acknowledgment.builder()
                            .id(entry.findingId()).reason(entry.reason()).build());
                    paths.add(located.fullPath());
                }
            }
            applied.add(new Applied(entry, List.copyOf(paths)));
        }
        return applied;
    }

    private record Located(String stackId, String relativePath, String fullPath, IConstruct construct) {
    }

    /**
     * The entries that acknowledge nothing: no finding with their id is reported (before acknowledgements) on a
     * construct they were applied to or below it. A stale entry hides nothing today but would hide a future
     * finding nobody reviewed, so the compliance suite requires this list to be empty.
     */
    public static List<Entry> stale(List<Applied> applied, List<ValidationReport.Finding> rawFindings) {
        return applied.stream()
                .filter(a -> rawFindings.stream().noneMatch(f -> f.findingId().equals(a.entry().findingId())
                        && a.constructPaths().stream().anyMatch(p -> covers(p, f.constructPath()))))
                .map(Applied::entry)
                .toList();
    }

    /** Whether a finding at {@code findingPath} is covered by an acknowledgement applied at {@code appliedPath}. */
    public static boolean covers(String appliedPath, String findingPath) {
        return findingPath.equals(appliedPath) || findingPath.startsWith(appliedPath + "/");
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.append('$').toString());
    }
}
