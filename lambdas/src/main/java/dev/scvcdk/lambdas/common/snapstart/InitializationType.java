package dev.scvcdk.lambdas.common.snapstart;

import java.util.Map;

/**
 * How Lambda is initialising this execution environment, from {@code AWS_LAMBDA_INITIALIZATION_TYPE}.
 *
 * <p>With SnapStart, init runs once when a version is published and every new environment is restored from its
 * snapshot; with provisioned concurrency, init runs ahead of the first request. Either way init time is not on a
 * caller's path, so it is worth spending on priming. On-demand init is on the first caller's path: nothing extra
 * runs then. An unknown or missing value counts as on-demand.
 */
public enum InitializationType {
    ON_DEMAND("on-demand"),
    PROVISIONED_CONCURRENCY("provisioned-concurrency"),
    SNAP_START("snap-start");

    public static final String VARIABLE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private final String value;

    InitializationType(String value) {
        this.value = value;
    }

    public static InitializationType from(Map<String, String> environment) {
        String raw = environment.get(VARIABLE);
        for (InitializationType type : values()) {
            if (type.value.equals(raw)) {
                return type;
            }
        }
        return ON_DEMAND;
    }

    /** Whether init should exercise the call path (its time is not on a caller's path). */
    public boolean primes() {
        return this != ON_DEMAND;
    }

    /** Whether a snapshot is taken after init, so restore hooks must run. */
    public boolean snapshots() {
        return this == SNAP_START;
    }

    public String value() {
        return value;
    }
}
