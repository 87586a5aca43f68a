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
import org.junit.jupiter.api.Test;

/** Every handler a function contract deploys is a class of the built shaded jar with a handleRequest method. */
class ShadedJarHandlersTest {

    @Test
    void everyDeclaredHandlerClassIsInTheShadedJar() throws Exception {
        Path jar = ExampleApp.repositoryRoot().resolve("lambdas/target/scv-lambdas.jar");
        assertThat(jar).as("build the jar first (mvn package)").exists();
        assertThat(Files.size(jar)).isPositive();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (FunctionContract contract : FunctionContracts.all()) {
                if (contract.deployment().isEmpty()) {
                    continue;
                }
                Handler handler = contract.deployment().get().handler();
                // not initialised: a handler's static init reads the function's environment
                Class<?> type = Class.forName(handler.className(), false, loader);
                assertThat(Arrays.stream(type.getMethods()).map(Method::getName))
                        .as(handler.handlerString())
                        .contains(Handler.METHOD);
            }
        }
    }
}
