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
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    /**
     * A class a handler needs at run time but the shade filters left out fails only when that code path runs
     * (the MKV parser once lacked a visitor's helper). Every class of ours and of the MKV parser names, in its
     * constant pool (class references and type descriptors), only classes of ours or the parser's that the jar holds.
     */
    @Test
    void everyClassOfOursOrOfTheMkvParserThatAJarsCodeNamesIsInThatJar() throws IOException {
        for (Handler.Jar which : Handler.Jar.values()) {
            Path jar = ExampleApp.repositoryRoot().resolve("lambdas/target").resolve(which.fileName());
            List<String> missing = new ArrayList<>();
            try (JarFile file = new JarFile(jar.toFile())) {
                Set<String> held = file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class"))
                        .map(n -> n.substring(0, n.length() - ".class".length())).collect(Collectors.toSet());
                for (String name : held) {
                    if (!checked(name)) {
                        continue;
                    }
                    try (InputStream in = file.getInputStream(file.getEntry(name + ".class"))) {
                        for (String named : ClassNames.referencedBy(in.readAllBytes())) {
                            if (checked(named) && !held.contains(named)) {
                                missing.add(name + " -> " + named);
                            }
                        }
                    }
                }
            }
            assertThat(missing).as("classes named by " + which.fileName() + " but left out of it").isEmpty();
        }
    }

    private static boolean checked(String internalName) {
        return internalName.startsWith("dev/scvcdk/") || internalName.startsWith("com/amazonaws/kinesisvideo/");
    }

    /** The class names a class file's constant pool mentions: class entries and the types in descriptors. */
    static final class ClassNames {
        private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([A-Za-z0-9_$/]+);");
        private static final Pattern INTERNAL_NAME = Pattern.compile("[a-z][a-z0-9_]*(/[A-Za-z0-9_$]+)+");

        static Set<String> referencedBy(byte[] classFile) throws IOException {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Set<String> names = new java.util.TreeSet<>();
            for (int index = 1; index < count; index++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> {
                        String utf8 = in.readUTF();
                        Matcher descriptor = IN_DESCRIPTOR.matcher(utf8);
                        while (descriptor.find()) {
                            names.add(descriptor.group(1));
                        }
                        if (INTERNAL_NAME.matcher(utf8).matches()) {
                            names.add(utf8);
                        }
                    }
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        index++;
                    }
                    default -> throw new IOException("constant pool tag " + tag + " at entry " + index);
                }
            }
            return names;
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
