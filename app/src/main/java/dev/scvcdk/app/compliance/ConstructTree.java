package dev.scvcdk.app.compliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.constructs.IConstruct;
import software.constructs.Node;

/**
 * Finds constructs by path glob the cheap way: every read of the construct tree is a call into the jsii runtime
 * (about a millisecond each), so literal path segments are looked up by id, only a wildcard segment lists the
 * children of one construct, and what was read is kept. Walking the whole tree for each stack cost seconds per
 * synth; the register's globs need a few hundred reads.
 */
final class ConstructTree {

    /** A construct found by path: its id (stacks) or path relative to its stack, and its full construct path. */
    record Located(String id, String path, IConstruct construct) {
    }

    private record Child(String id, IConstruct construct) {
    }

    private final Map<IConstruct, Node> nodes = new IdentityHashMap<>();
    private final Map<IConstruct, List<Child>> children = new IdentityHashMap<>();
    private final Map<IConstruct, Map<String, Optional<IConstruct>>> childById = new IdentityHashMap<>();

    /** The stacks under {@code root}, looking into stages (pipelines put stacks there); not into stacks. */
    List<Located> stacksUnder(IConstruct root) {
        List<Located> stacks = new ArrayList<>();
        if (root instanceof Stack stack) {
            stacks.add(new Located(node(stack).getId(), node(stack).getPath(), stack));
            return stacks;
        }
        for (Child child : childrenOf(root)) {
            if (child.construct() instanceof Stack stack) {
                stacks.add(new Located(child.id(), node(stack).getPath(), stack));
            } else if (child.construct() instanceof Stage) {
                stacks.addAll(stacksUnder(child.construct()));
            }
        }
        return stacks;
    }

    /**
     * The constructs under {@code stack} whose path relative to it matches {@code glob} ({@code *} within a segment,
     * {@code **} for one or more segments), with their full paths.
     */
    List<Located> resolve(Located stack, String glob) {
        List<Located> found = new ArrayList<>();
        resolve(stack.construct(), stack.path(), glob.split("/", -1), 0, found);
        return found;
    }

    private void resolve(IConstruct at, String path, String[] segments, int index, List<Located> found) {
        if (index == segments.length) {
            found.add(new Located(null, path, at));
            return;
        }
        String segment = segments[index];
        if (segment.equals("**")) {
            for (IConstruct descendant : node(at).findAll()) {
                if (descendant != at) {
                    String descendantPath = node(descendant).getPath();
                    resolve(descendant, descendantPath, segments, index + 1, found);
                }
            }
        } else if (segment.indexOf('*') < 0) {
            childById.computeIfAbsent(at, c -> new HashMap<>())
                    .computeIfAbsent(segment, id -> Optional.ofNullable(node(at).tryFindChild(id)))
                    .ifPresent(child -> resolve(child, path + "/" + segment, segments, index + 1, found));
        } else {
            Pattern pattern = segmentPattern(segment);
            for (Child child : childrenOf(at)) {
                if (pattern.matcher(child.id()).matches()) {
                    resolve(child.construct(), path + "/" + child.id(), segments, index + 1, found);
                }
            }
        }
    }

    private List<Child> childrenOf(IConstruct construct) {
        return children.computeIfAbsent(construct, c -> node(c).getChildren().stream()
                .map(child -> new Child(node(child).getId(), child))
                .toList());
    }

    private Node node(IConstruct construct) {
        return nodes.computeIfAbsent(construct, IConstruct::getNode);
    }

    private static Pattern segmentPattern(String segment) {
        StringBuilder regex = new StringBuilder("^");
        for (String literal : segment.split("\\*", -1)) {
            if (regex.length() > 1) {
                regex.append("[^/]*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.append('$').toString());
    }
}
