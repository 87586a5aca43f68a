package dev.scvcdk.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Javadoc on every public type of the published constructs (the javadoc build only lints what is written: its
 * "missing comment" check would also demand a comment on every getter). Parses the sources with javac's tree API,
 * so nested types and package-info files count as the compiler sees them.
 */
class PublicTypesHaveJavadocTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void everyPublicTypeAndPackageOfConstructsHasAJavadocComment() throws IOException {
        // GIVEN the main sources of module constructs
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).as("sources under %s", SOURCES.toAbsolutePath()).isNotEmpty();

        // WHEN javac parses them
        List<String> undocumented = undocumentedPublicTypes(files);

        // THEN every public (or public nested) type and every package has a doc comment
        assertThat(undocumented).as("public types and packages without a Javadoc comment").isEmpty();
    }

    private static List<String> undocumentedPublicTypes(List<Path> files) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> undocumented = new ArrayList<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), fileManager, null,
                    List.of("-proc:none"), null, units);
            DocTrees docTrees = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String file = SOURCES.toAbsolutePath().relativize(Path.of(unit.getSourceFile().toUri())).toString();
                if (file.endsWith("package-info.java")) {
                    if (unit.getPackage() == null
                            || docTrees.getDocCommentTree(new com.sun.source.util.TreePath(
                                    new com.sun.source.util.TreePath(unit), unit.getPackage())) == null) {
                        undocumented.add(file + ": package " + unit.getPackageName());
                    }
                    continue;
                }
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitClass(ClassTree type, Void unused) {
                        boolean isPublic = type.getModifiers().getFlags().contains(Modifier.PUBLIC)
                                || enclosedByInterface();
                        if (isPublic && docTrees.getDocCommentTree(getCurrentPath()) == null) {
                            undocumented.add(file + ": " + type.getKind().name().toLowerCase() + " "
                                    + type.getSimpleName());
                        }
                        // Types nested in a non-public type are not part of the API.
                        return isPublic ? super.visitClass(type, unused) : null;
                    }

                    private boolean enclosedByInterface() {
                        Tree parent = getCurrentPath().getParentPath().getLeaf();
                        return parent.getKind() == Tree.Kind.INTERFACE;
                    }
                }.scan(unit, null);
            }
        }
        return undocumented;
    }
}
