package dev.scvcdk.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.contracts.Handler;
import dev.scvcdk.policies.declarations.FunctionContract;
import dev.scvcdk.policies.declarations.FunctionContracts;
import dev.scvcdk.tests.iam.ExampleApp;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Every handler a function contract deploys is a class of the jar it deploys, with a handleRequest method. */
class ShadedJarHandlersTest {
    private static final String SDK_SERVICES = "software/amazon/awssdk/services/";

    @Test
    void everyDeclaredHandlerClassIsInTheJarItsFunctionDeploys() throws Exception {
        for (FunctionContract contract : FunctionContracts.all()) {
            if (contract.deployment().isEmpty()) {
                continue;
            }
            Handler handler = contract.deployment().get().handler();
            Path jar = ExampleApp.repositoryRoot().resolve("lambdas/target").resolve(handler.jar().fileName());
            assertThat(jar).as("build the jars first (mvn package)").exists();
            assertThat(Files.size(jar)).isPositive();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                // not initialised: a handler's static init reads the function's environment
                Class<?> type = Class.forName(handler.className(), false, loader);
                assertThat(Arrays.stream(type.getMethods()).map(Method::getName))
                        .as(handler.handlerString() + " in " + jar.getFileName())
                        .contains(Handler.METHOD);
            }
        }
    }

    @Test
    void theMediaJarCarriesEveryHandlerAndTheSharedJarNoMediaOnlyOne() throws Exception {
        Path target = ExampleApp.repositoryRoot().resolve("lambdas/target");
        try (URLClassLoader media = loader(target.resolve(Handler.Jar.MEDIA.fileName()));
                URLClassLoader shared = loader(target.resolve(Handler.Jar.SHARED.fileName()))) {
            for (Handler handler : Handler.values()) {
                assertThat(media.findResource(resourceOf(handler))).as(handler + " in the media jar").isNotNull();
                if (handler.jar() == Handler.Jar.MEDIA) {
                    assertThat(shared.findResource(resourceOf(handler)))
                            .as(handler + " left out of the shared jar").isNull();
                }
            }
        }
    }

    /** The shared jar stays small: no SDK service client (their models were most of it) comes back through a dependency. */
    @Test
    void theSharedJarCarriesNoSdkServiceClient() throws Exception {
        Path jar = ExampleApp.repositoryRoot().resolve("lambdas/target").resolve(Handler.Jar.SHARED.fileName());
        try (JarFile shared = new JarFile(jar.toFile())) {
            assertThat(shared.getEntry("software/amazon/awssdk/http/auth/aws/signer/AwsV4HttpSigner.class"))
                    .as("the signer the functions' own client uses").isNotNull();
            assertThat(shared.stream().map(JarEntry::getName).filter(name -> name.startsWith(SDK_SERVICES)))
                    .isEmpty();
        }
    }

    private static URLClassLoader loader(Path jar) throws Exception {
        assertThat(jar).as("build the jars first (mvn package)").exists();
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static String resourceOf(Handler handler) {
        return handler.className().replace('.', '/') + ".class";
    }
}
