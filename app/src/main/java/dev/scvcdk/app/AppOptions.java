package dev.scvcdk.app;

import java.nio.file.Path;
import java.util.List;

import dev.scvcdk.app.compliance.NagAcknowledgements;
import dev.scvcdk.constructs.functions.LambdaCode;

/** How {@link ScvApp#create} builds the app. Immutable; start from {@link #builder()}. */
public final class AppOptions {
    private final boolean nagEnabled;
    private final Path outdir;
    private final List<NagAcknowledgements.Entry> acknowledgements;
    private final LambdaCode lambdaCode;

    private AppOptions(Builder builder) {
        this.lambdaCode = builder.lambdaCode;
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

    /** Where every SCV function's jar comes from. */
    public LambdaCode lambdaCode() {
        return lambdaCode;
    }

    public static final class Builder {
        private boolean nagEnabled = true;
        private Path outdir;
        private List<NagAcknowledgements.Entry> acknowledgements = NagAcknowledgements.REGISTER;
        private LambdaCode lambdaCode = LambdaCode.fromClasspath();

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
         * Where the Lambda jars come from; tests may point at jar files with {@link LambdaCode#fromJars}.
         *
         * @default - {@link LambdaCode#fromClasspath()}: the jars inside {@code dev.scvcdk:scv-lambda-code}, a
         *          runtime dependency of the app
         */
        public Builder lambdaCode(LambdaCode lambdaCode) {
            this.lambdaCode = lambdaCode;
            return this;
        }

        public AppOptions build() {
            return new AppOptions(this);
        }
    }
}
