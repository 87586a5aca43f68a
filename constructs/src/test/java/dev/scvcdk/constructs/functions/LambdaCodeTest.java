package dev.scvcdk.constructs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.constructs.testing.TestFixtures;
import dev.scvcdk.contracts.Handler;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

class LambdaCodeTest {
    @TempDir
    Path dir;

    /** A class loader whose classpath holds {@code dev/scvcdk/lambda-code/<jar>} with the given contents. */
    private URLClassLoader classpathWith(String shared, String media) throws IOException {
        Path root = dir.resolve("classpath-" + shared.hashCode());
        Path resources = Files.createDirectories(root.resolve(LambdaCode.RESOURCE_DIRECTORY));
        Files.writeString(resources.resolve(Handler.Jar.SHARED.fileName()), shared, StandardCharsets.UTF_8);
        Files.writeString(resources.resolve(Handler.Jar.MEDIA.fileName()), media, StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    @Test
    void fromJarsTakesTheSharedJarAndTheMediaJarBesideIt() {
        Path shared = TestFixtures.jar(dir);

        LambdaCode code = LambdaCode.fromJars(shared);

        assertThat(code.jar(Handler.Jar.SHARED)).isEqualTo(shared);
        assertThat(code.jar(Handler.Jar.MEDIA)).isEqualTo(dir.resolve("scv-lambdas-media.jar"));
    }

    @Test
    void fromJarsWithAMissingJarIsAnErrorNamingThePathAndBothRemedies() {
        Path missing = dir.resolve("lambdas/target/scv-lambdas.jar");

        assertThatThrownBy(() -> LambdaCode.fromJars(missing).jar(Handler.Jar.SHARED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lambda jar " + missing + " does not exist: build it with `mvn -B -q package -DskipTests` "
                        + "(module lambdas), or use LambdaCode.fromClasspath() with the dependency "
                        + "dev.scvcdk:scv-lambda-code");
    }

    @Test
    void fromClasspathExtractsEachJarToAFileNamedByItsContentHash() throws IOException {
        // GIVEN the resources of scv-lambda-code on a classpath
        try (URLClassLoader loader = classpathWith("shared bytes", "media bytes")) {
            // WHEN both jars are asked for
            LambdaCode code = LambdaCode.fromClasspath(loader);
            Path shared = code.jar(Handler.Jar.SHARED);
            Path media = code.jar(Handler.Jar.MEDIA);

            // THEN each is a file with the resource's content, under its SHA-256, keeping the jar's name
            assertThat(shared).hasContent("shared bytes").hasFileName("scv-lambdas.jar");
            assertThat(shared.getParent().getFileName().toString()).isEqualTo(sha256("shared bytes"));
            assertThat(media).hasContent("media bytes").hasFileName("scv-lambdas-media.jar");
        }
    }

    @Test
    void fromClasspathExtractsOncePerJvmAndTheSameContentGivesTheSamePath() throws IOException {
        try (URLClassLoader first = classpathWith("same bytes", "m1");
                URLClassLoader second = classpathWith("same bytes", "m1")) {
            LambdaCode code = LambdaCode.fromClasspath(first);
            Path once = code.jar(Handler.Jar.SHARED);

            // the same loader asks again: the extracted file, not a new one
            assertThat(code.jar(Handler.Jar.SHARED)).isSameAs(once);
            // another loader with the same bytes: the same content-addressed path (so the same asset hash)
            assertThat(LambdaCode.fromClasspath(second).jar(Handler.Jar.SHARED)).isEqualTo(once);
        }
    }

    @Test
    void twoSynthsOfTheSameJarFromTheClasspathPublishTheSameAsset() throws IOException {
        // GIVEN two synths, each with its own class loader over the same jar bytes
        try (URLClassLoader first = classpathWith("jar bytes", "m2");
                URLClassLoader second = classpathWith("jar bytes", "m2")) {
            // WHEN each deploys a function from it
            Object firstKey = s3KeyOfAFunctionFrom(LambdaCode.fromClasspath(first));
            Object secondKey = s3KeyOfAFunctionFrom(LambdaCode.fromClasspath(second));

            // THEN the asset (named by its hash) is the same
            assertThat(firstKey).isEqualTo(secondKey).asString().endsWith(".jar");
        }
    }

    private static Object s3KeyOfAFunctionFrom(LambdaCode code) {
        Stack stack = TestFixtures.stack();
        Function.Builder.create(stack, "Fn").runtime(Runtime.JAVA_21).handler("x.Handler::handleRequest")
                .code(code.code(Handler.Jar.SHARED)).build();
        Map<String, Object> function = TestFixtures.resource(Template.fromStack(stack), "AWS::Lambda::Function");
        return ((Map<?, ?>) ((Map<?, ?>) function.get("Properties")).get("Code")).get("S3Key");
    }

    /** As {@link #classpathWith}, with {@code <jar>.sha256} files recording {@code recordedShared} for the shared jar. */
    private URLClassLoader classpathRecording(String shared, String recordedShared) throws IOException {
        Path root = dir.resolve("recorded-" + (shared + recordedShared).hashCode());
        Path resources = Files.createDirectories(root.resolve(LambdaCode.RESOURCE_DIRECTORY));
        Files.writeString(resources.resolve(Handler.Jar.SHARED.fileName()), shared, StandardCharsets.UTF_8);
        Files.writeString(resources.resolve(Handler.Jar.SHARED.fileName() + ".sha256"), recordedShared + "\n",
                StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    @Test
    void aJarWhoseBytesDoNotMatchTheHashItsArtifactRecordsIsRefused() throws IOException {
        // GIVEN an artifact whose shared jar is not the one its recorded SHA-256 names (damaged in transit)
        String damaged = "damaged bytes " + System.nanoTime();
        try (URLClassLoader loader = classpathRecording(damaged, sha256("the bytes that were built"))) {
            // WHEN the jar is asked for THEN nothing is extracted or deployed: the error names both hashes
            assertThatThrownBy(() -> LambdaCode.fromClasspath(loader).jar(Handler.Jar.SHARED))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has SHA-256 " + sha256(damaged))
                    .hasMessageContaining("not the " + sha256("the bytes that were built") + " its artifact records");
        }
    }

    @Test
    void aJarWithItsRecordedHashIsExtractedUnderThatHashAndFoundThereAgain() throws IOException {
        // GIVEN an artifact that records its jar's SHA-256
        String bytes = "recorded bytes " + System.nanoTime();
        Path first;
        try (URLClassLoader loader = classpathRecording(bytes, sha256(bytes))) {
            // WHEN a first synth asks for the jar THEN it is extracted under the recorded hash
            first = LambdaCode.fromClasspath(loader).jar(Handler.Jar.SHARED);
            assertThat(first).hasContent(bytes);
            assertThat(first.getParent().getFileName().toString()).isEqualTo(sha256(bytes));
        }
        try (URLClassLoader again = classpathRecording(bytes, sha256(bytes))) {
            // AND a second synth finds the same file by the recorded hash
            assertThat(LambdaCode.fromClasspath(again).jar(Handler.Jar.SHARED)).isEqualTo(first);
        }
    }

    @Test
    void jarsAreExtractedIntoADirectoryOnlyThisUserMayReadOrWrite() throws IOException {
        // GIVEN the directory jars are extracted into (a jar found there is deployed as found)
        Path directory = LambdaCode.extractionDirectory();
        // THEN it belongs to this user
        assertThat(directory).isDirectory();
        assertThat(Files.getOwner(directory).getName()).isEqualTo(System.getProperty("user.name"));
        // AND on a POSIX system (every machine this project builds on) grants nothing to the group or others
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        }
    }

    @Test
    void fromClasspathWithoutTheArtifactIsAnErrorNamingTheMissingDependency() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> LambdaCode.fromClasspath(empty).jar(Handler.Jar.MEDIA))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Lambda code resource dev/scvcdk/lambda-code/scv-lambdas-media.jar is not on the "
                            + "classpath: add the Maven dependency dev.scvcdk:scv-lambda-code (the version of "
                            + "scv-constructs) to the project that synthesizes the app, or pass "
                            + "LambdaCode.fromJars(path) to the contact center");
        }
    }

    private static String sha256(String content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
