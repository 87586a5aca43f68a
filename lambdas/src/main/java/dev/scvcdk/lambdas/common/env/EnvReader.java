package dev.scvcdk.lambdas.common.env;

import dev.scvcdk.contracts.EnvVar;
import dev.scvcdk.contracts.LogLevel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads environment variables and collects every problem before failing once, so a misconfigured function
 * reports all of its bad variables in one init error.
 *
 * <pre>{@code
 * EnvReader env = EnvReader.of(System.getenv());
 * String org = env.required("SALESFORCE_ORG_ID");
 * URI base = env.requiredUrl("SCRT_ENDPOINT_BASE");
 * env.validate(); // throws ConfigurationException naming each bad variable
 * }</pre>
 */
public final class EnvReader {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final Map<String, String> variables;
    private final List<String> problems = new ArrayList<>();

    private EnvReader(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static EnvReader of(Map<String, String> variables) {
        return new EnvReader(Objects.requireNonNull(variables, "variables"));
    }

    /** The trimmed value, or {@code null} (and a recorded problem) when unset or blank. */
    public String required(String name) {
        String value = raw(name);
        if (value == null) {
            problems.add("environment variable " + name + " is required but is not set");
        }
        return value;
    }

    /** The trimmed value, or {@code defaultValue} when unset or blank. */
    public String optional(String name, String defaultValue) {
        String value = raw(name);
        return value == null ? defaultValue : value;
    }

    /**
     * An absolute URL without query or fragment. HTTPS is required; plain HTTP is accepted only for loopback
     * hosts (local stand-ins), so a bearer token never crosses a network in clear text.
     */
    public URI requiredUrl(String name) {
        String value = required(name);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean loopback = uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost());
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
                problems.add("environment variable " + name + " is '" + value
                        + "': must be an https URL with a host (http only for loopback)");
                return null;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add("environment variable " + name + " is '" + value
                        + "': must not have a query or fragment");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add("environment variable " + name + " is '" + value + "': not a valid URL (" + e.getReason() + ")");
            return null;
        }
    }

    /** One of {@code allowed} (case-insensitive, returned upper case), or {@code defaultValue} when unset. */
    public String oneOf(String name, Collection<String> allowed, String defaultValue) {
        String value = raw(name);
        if (value == null) {
            return defaultValue;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            problems.add("environment variable " + name + " is '" + value + "': must be one of " + allowed.stream().sorted().toList());
            return defaultValue;
        }
        return upper;
    }

    /** {@code LOG_LEVEL}, checked against the levels the functions and the stacks share; INFO when unset. */
    public String logLevel() {
        return oneOf(EnvVar.LOG_LEVEL, LogLevel.NAMES, LogLevel.INFO.name());
    }

    /** Records a problem found by the caller's own check of a value read here. */
    public void problem(String message) {
        problems.add(message);
    }

    /** Throws one {@link ConfigurationException} listing every problem found so far. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private String raw(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }
}
