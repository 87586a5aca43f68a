package dev.scvcdk.bench;

import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cloudformation.include.CfnInclude;

/**
 * The floor of any CDK rendering of the example tenant's resources: its synthesized templates, given as arguments,
 * each included whole into a stack of the same name. One jsii call per stack builds every resource as an L1 inside
 * CDK, with no tenant config, no IAM derivation, no L2 classes, no assets and no cdk-nag.
 */
public final class IncludedTemplatesApp {
    public static void main(String[] templates) {
        App app = new App();
        for (String template : templates) {
            String stackName = Path.of(template).getFileName().toString().replace(".template.json", "");
            Stack stack = new Stack(app, stackName);
            CfnInclude.Builder.create(stack, "Resource").templateFile(template).build();
        }
        app.synth();
    }
}
