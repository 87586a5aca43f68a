package dev.scvcdk.constructs.functions;

import dev.scvcdk.contracts.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.services.lambda.Code;

/**
 * Where the two deployable Lambda jars of SCV ({@link Handler.Jar#SHARED} and {@link Handler.Jar#MEDIA}) come from.
 *
 * <ul>
 *   <li>{@link #fromClasspath()} (the default of {@code ScvContactCenter}): the jars published inside the Maven
 *       artifact {@value #ARTIFACT}, as the classpath resources {@value #RESOURCE_DIRECTORY}{@code scv-lambdas.jar}
 *       and {@code scv-lambdas-media.jar}. <b>The consumer adds that artifact</b> (same version as
 *       {@code scv-constructs}, {@code runtime} scope is enough): {@code scv-constructs} does not depend on it,
 *       so a consumer that deploys jars of its own build ({@link #fromJars}) does not download about 25 MB of
 *       Lambda code it never uses.</li>
 *   <li>{@link #fromJars(Path)}: jar files on disk, the media jar beside the shared one (as the
 *       {@code lambdas} module's {@code target/} leaves them).</li>
 * </ul>
 *
 * <p>Either way the asset is the jar file itself, so its hash is the jar's content hash: two synths of the
 * same jars publish the same asset.
 */
public final class LambdaCode {
    /** Maven coordinates of the artifact that carries the jars as resources. */
    public static final String ARTIFACT = "dev.scvcdk:scv-lambda-code";

    /** Classpath directory of the jars inside {@value #ARTIFACT}. */
    public static final String RESOURCE_DIRECTORY = "dev/scvcdk/lambda-code/";

    /** Extracted resources by loader and resource name: each jar is written to disk once per JVM. */
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private final ClassLoader loader;
    private final Path sharedJar;

    private LambdaCode(ClassLoader loader, Path sharedJar) {
        this.loader = loader;
        this.sharedJar = sharedJar;
    }

    /** The jars of the artifact {@value #ARTIFACT} on this library's classpath. */
    public static LambdaCode fromClasspath() {
        return fromClasspath(LambdaCode.class.getClassLoader());
    }

    /** The jars as resources of {@code loader} (tests give a loader of their own). */
    static LambdaCode fromClasspath(ClassLoader loader) {
        return new LambdaCode(Objects.requireNonNull(loader, "loader"), null);
    }

    /**
     * Jar files on disk: {@code sharedJar} ({@code scv-lambdas.jar}) and {@code scv-lambdas-media.jar} in the
     * same directory.
     */
    public static LambdaCode fromJars(Path sharedJar) {
        return new LambdaCode(null, Objects.requireNonNull(sharedJar, "sharedJar"));
    }

    /**
     * The jar file of {@code which}: extracted from the classpath to {@code <tmpdir>/scv-lambda-code/<sha-256>/}
     * on first use, or the configured file.
     *
     * @throws IllegalArgumentException when the resource or file does not exist, naming what to add or build
     */
    public Path jar(Handler.Jar which) {
        if (sharedJar != null) {
            Path jar = which == Handler.Jar.SHARED ? sharedJar : sharedJar.resolveSibling(which.fileName());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("Lambda jar " + jar + " does not exist: build it with "
                        + "`mvn -B -q package -DskipTests` (module lambdas), or use LambdaCode.fromClasspath() "
                        + "with the dependency " + ARTIFACT);
            }
            return jar;
        }
        String resource = RESOURCE_DIRECTORY + which.fileName();
        return EXTRACTED.computeIfAbsent(System.identityHashCode(loader) + ":" + resource,
                key -> extract(resource));
    }

    /** The Lambda code asset of {@code which}. */
    public Code code(Handler.Jar which) {
        return Code.fromAsset(jar(which).toAbsolutePath().toString());
    }

    private Path extract(String resource) {
        byte[] content;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Lambda code resource " + resource + " is not on the classpath: "
                        + "add the Maven dependency " + ARTIFACT + " (the version of scv-constructs) to the project "
                        + "that synthesizes the app, or pass LambdaCode.fromJars(path) to the contact center");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lambda code resource " + resource, e);
        }
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        // A directory per content hash: same bytes, same path, whichever JVM wrote it first.
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "scv-lambda-code", sha256(content), fileName);
        try {
            if (Files.isRegularFile(target) && Files.size(target) == content.length) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), fileName, ".partial");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the Lambda code resource " + resource + " to " + target, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return sharedJar != null ? "LambdaCode.fromJars(" + sharedJar + ")" : "LambdaCode.fromClasspath()";
    }
}
