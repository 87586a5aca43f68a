package dev.scvcdk.lambdas.common;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When an invocation must stop starting work: Lambda's remaining time, less what the caller keeps back. */
public final class Deadlines {
    private Deadlines() {
    }

    /**
     * The instant {@code margin} before the invocation's timeout; empty without a context (a direct call in a
     * test or during priming), where nothing is cut short.
     */
    public static Optional<Instant> before(Context context, Duration margin) {
        return context == null
                ? Optional.empty()
                : Optional.of(Instant.now().plusMillis(context.getRemainingTimeInMillis()).minus(margin));
    }
}
