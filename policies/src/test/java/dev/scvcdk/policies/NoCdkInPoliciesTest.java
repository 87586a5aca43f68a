package dev.scvcdk.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's rule: policies are plain data, no CDK types. Every compiled main class is read and
 * its constant pool (class, member and string constants) searched for a CDK or constructs name.
 */
class NoCdkInPoliciesTest {
    /** Internal (slashed) and source (dotted) spellings of both libraries' packages. */
    private static final List<String> FORBIDDEN = List.of(
            "software/amazon/awscdk", "software.amazon.awscdk", "software/constructs", "software.constructs");

    private static Path classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Each {@code .class} file under {@code root} that names a forbidden package, with the name. */
    private static List<String> cdkReferences(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String constants = new String(read(f), StandardCharsets.ISO_8859_1);
                FORBIDDEN.stream().filter(constants::contains)
                        .forEach(name -> found.add(root.relativize(f) + " references " + name));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noMainClassReferencesCdkOrConstructs() throws URISyntaxException {
        // GIVEN the compiled main classes (where IamMatrix was loaded from)
        Path main = classesOf(IamMatrix.class);
        try (Stream<Path> files = Files.walk(main)) {
            assertThat(files.filter(f -> f.toString().endsWith(".class")).count()).isGreaterThan(30);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // THEN none names a CDK or constructs package
        assertThat(cdkReferences(main)).isEmpty();
    }

    @Test
    void theScanFindsSuchAReferenceWhereOneIsPresent() throws URISyntaxException {
        // GIVEN this test's own classes, whose constant pool holds the forbidden names (FORBIDDEN above)
        Path tests = classesOf(NoCdkInPoliciesTest.class);

        // THEN the scan reports them
        assertThat(cdkReferences(tests)).anyMatch(r -> r.startsWith(
                Path.of("dev", "scvcdk", "policies", "NoCdkInPoliciesTest.class") + " references software/amazon/awscdk"));
    }
}
