package dev.scvcdk.constructs.testing;

import dev.scvcdk.contracts.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** Shared test inputs: a stack in a fixed environment, a small jar, resource lookups. */
public final class TestFixtures {
    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "us-west-2";

    private TestFixtures() {
    }

    public static Stack stack() {
        return new Stack(new App(), "Test", StackProps.builder()
                .env(Environment.builder().account(ACCOUNT).region(REGION).build()).build());
    }

    /** Tiny zips standing in for the two Lambda jars; returns the shared one (the media jar lies beside it). */
    public static Path jar(Path dir) {
        for (Handler.Jar which : Handler.Jar.values()) {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(which.fileName())))) {
                zip.putNextEntry(new ZipEntry("dev/scvcdk/lambdas/Marker.txt"));
                zip.write(which.name().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir.resolve(Handler.Jar.SHARED.fileName());
    }

    /** Properties of the single resource of {@code type} whose properties contain {@code key = value}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> resource(Template template, String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return found.values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> statements(Map<String, Object> policyDocument) {
        return (List<Map<String, Object>>) policyDocument.get("Statement");
    }

    /** The statement with {@code sid}. */
    public static Map<String, Object> statement(Map<String, Object> policyDocument, String sid) {
        return statements(policyDocument).stream()
                .filter(s -> sid.equals(s.get("Sid")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + policyDocument));
    }

    /** A statement's actions, whether written as one string or a list. */
    @SuppressWarnings("unchecked")
    public static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof String one ? List.of(one) : (List<String>) action;
    }

    /**
     * Every string of {@code json} (a template or part of one) that names a CloudFormation
     * pseudo-parameter as {@code ${AWS::...}} text but is not the value of an {@code Fn::Sub}:
     * CloudFormation would deploy such text literally.
     */
    public static List<String> unsubstitutedPseudoParameters(Object json) {
        List<String> found = new ArrayList<>();
        collectUnsubstituted(json, false, found);
        return found;
    }

    private static void collectUnsubstituted(Object json, boolean inSub, List<String> found) {
        if (json instanceof String s && s.contains("${AWS::") && !inSub) {
            found.add(s);
        } else if (json instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnsubstituted(value, "Fn::Sub".equals(key), found));
        } else if (json instanceof List<?> list) {
            list.forEach(value -> collectUnsubstituted(value, inSub, found));
        }
    }
}
