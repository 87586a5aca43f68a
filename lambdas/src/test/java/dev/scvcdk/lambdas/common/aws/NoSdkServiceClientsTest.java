package dev.scvcdk.lambdas.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded function jar is made of the runtime class path, which the test class path contains: no SDK service
 * client (their models are what made the jar too big) may come back through a dependency.
 */
class NoSdkServiceClientsTest {
    private static final String SERVICES = "software/amazon/awssdk/services/";

    @Test
    void noClassOfAnSdkServiceClientIsOnTheClassPath() throws IOException {
        List<String> offenders = new ArrayList<>();
        boolean sawSdkCore = false;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                if (Files.exists(path.resolve(SERVICES))) {
                    offenders.add(entry);
                }
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    sawSdkCore |= jar.getEntry("software/amazon/awssdk/http/auth/aws/signer/AwsV4HttpSigner.class") != null;
                    if (jar.stream().anyMatch(e -> e.getName().startsWith(SERVICES))) {
                        offenders.add(path.getFileName().toString());
                    }
                }
            }
        }
        // The scan really reads the dependency jars: the signer the client uses is found.
        assertThat(sawSdkCore).as("http-auth-aws on the scanned class path").isTrue();
        assertThat(offenders).as("class path entries with %s classes", SERVICES).isEmpty();
    }
}
