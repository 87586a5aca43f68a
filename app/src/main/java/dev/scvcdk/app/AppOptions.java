package dev.scvcdk.app;

import java.nio.file.Path;
import java.util.List;

import dev.scvcdk.app.compliance.NagAcknowledgements;

/** How {@link ScvApp#create} builds the app. Immutable; start from {@link #builder()}. */
public final class AppOptions {
    /** Where {@code mvn package} leaves the Lambda jar, relative to the repository root. */
    public static final Path DEFAULT_LAMBDA_JAR = Path.of("lambdas", "target", "scv-lambdas.jar");

    private final boolean nagEnabled;
    private final Path outdir;
    private final List<NagAcknowledgements.Entry> acknowledgements;
    private final Path lambdaJar;

    private AppOptions(Builder builder) {
        this.lambdaJar = builder.lambdaJar;
        this.nagEnabled = builder.nagEnabled;
        this.outdir = builder.outdir;
        this.acknowledgements = List.copyOf(builder.acknowledgements);
    }

    /** The options {@code cdk synth} uses: all five nag packs, the register, the CLI's output directory. */
    public static AppOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean nagEnabled() {
        return nagEnabled;
    }

    /** The cloud assembly directory, or null for CDK's choice (the CLI's {@code CDK_OUTDIR}, else a temp dir). */
    public Path outdir() {
        return outdir;
    }

    public List<NagAcknowledgements.Entry> acknowledgements() {
        return acknowledgements;
    }

    /** The shaded Lambda jar every SCV function is deployed from. */
    public Path lambdaJar() {
        return lambdaJar;
    }

    public static final class Builder {
        private boolean nagEnabled = true;
        private Path outdir;
        private List<NagAcknowledgements.Entry> acknowledgements = NagAcknowledgements.REGISTER;
        private Path lambdaJar = DEFAULT_LAMBDA_JAR;

        private Builder() {
        }

        /**
         * Whether to register the five cdk-nag packs; off makes unit tests fast.
         *
         * @default true
         */
        public Builder nagEnabled(boolean nagEnabled) {
            this.nagEnabled = nagEnabled;
            return this;
        }

        /**
         * Where to write the cloud assembly.
         *
         * @default - the CLI's output directory when run by the CDK CLI, else a temporary directory
         */
        public Builder outdir(Path outdir) {
            this.outdir = outdir;
            return this;
        }

        /**
         * The acknowledgements to apply; the compliance suite passes an empty list to see every raw finding.
         *
         * @default - {@link NagAcknowledgements#REGISTER}
         */
        public Builder acknowledgements(List<NagAcknowledgements.Entry> acknowledgements) {
            this.acknowledgements = acknowledgements;
            return this;
        }

        /**
         * The shaded Lambda jar the functions are deployed from.
         *
         * @default - {@code lambdas/target/scv-lambdas.jar}, relative to the working directory (the repository
         *          root when the CDK CLI runs the app)
         */
        public Builder lambdaJar(Path lambdaJar) {
            this.lambdaJar = lambdaJar;
            return this;
        }

        public AppOptions build() {
            return new AppOptions(this);
        }
    }
}
