package dev.scvcdk.constructs.functions;

import dev.scvcdk.contracts.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
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
     * The jar file of {@code which}: extracted from the classpath to
     * {@code <tmpdir>/scv-lambda-code-<user>/<sha-256>/} on first use (a directory only this user may write), or the
     * configured file.
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
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        java.net.URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("Lambda code resource " + resource + " is not on the classpath: "
                    + "add the Maven dependency " + ARTIFACT + " (the version of scv-constructs) to the project "
                    + "that synthesizes the app, or pass LambdaCode.fromJars(path) to the contact center");
        }
        try {
            // The artifact records each jar's SHA-256 beside it: an earlier extraction is found by it, without
            // reading and hashing the jar (26 MB) at every synth.
            String recorded = recordedSha256(resource);
            if (recorded != null) {
                Path target = extractionDirectory().resolve(recorded).resolve(fileName);
                if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                        && Files.size(target) == url.openConnection().getContentLengthLong()) {
                    return target;
                }
            }
            byte[] content;
            try (InputStream in = url.openStream()) {
                content = in.readAllBytes();
            }
            String hash = sha256(content);
            if (recorded != null && !recorded.equals(hash)) {
                throw new IllegalStateException("Lambda code resource " + resource + " has SHA-256 " + hash
                        + ", not the " + recorded + " its artifact records: the artifact " + ARTIFACT
                        + " is damaged; rebuild or download it again");
            }
            // A directory per content hash: same bytes, same path, whichever JVM wrote it first.
            Path target = extractionDirectory().resolve(hash).resolve(fileName);
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == content.length) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), fileName, ".partial");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the Lambda code resource " + resource, e);
        }
    }

    /** The hex SHA-256 the artifact records for {@code resource} ({@code <resource>.sha256}), or null. */
    private String recordedSha256(String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource + ".sha256")) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readNBytes(128), java.nio.charset.StandardCharsets.US_ASCII).trim();
            return text.matches("[0-9a-f]{64}") ? text : null;
        }
    }

    /**
     * {@code <tmpdir>/scv-lambda-code-<user>}, readable and writable by this user only: a jar found there is
     * deployed as found, so no other user of the machine may put one there. When that directory exists but is not
     * this user's alone, a fresh private directory for this JVM.
     */
    private static Path extractionDirectory;

    static synchronized Path extractionDirectory() throws IOException {
        if (extractionDirectory == null) {
            Path shared = Path.of(System.getProperty("java.io.tmpdir"),
                    "scv-lambda-code-" + System.getProperty("user.name"));
            boolean posix = shared.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(shared, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    if (posix) {
                        Files.createDirectory(shared, PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")));
                    } else {
                        Files.createDirectory(shared);
                    }
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another JVM made it first: checked below like any existing one
                }
            }
            extractionDirectory = !posix || privateToThisUser(shared) ? shared
                    : Files.createTempDirectory("scv-lambda-code-");
        }
        return extractionDirectory;
    }

    private static boolean privateToThisUser(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        return attributes.owner().getName().equals(System.getProperty("user.name"))
                && attributes.permissions().stream().allMatch(p -> p.name().startsWith("OWNER_"));
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
