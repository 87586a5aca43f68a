package dev.scvcdk.bench;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/** One empty stack: what any CDK Java app pays before it defines a resource. */
public final class EmptyApp {
    public static void main(String[] args) {
        App app = new App();
        new Stack(app, "EmptyStack");
        app.synth();
    }
}
