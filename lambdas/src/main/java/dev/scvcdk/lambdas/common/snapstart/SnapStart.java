package dev.scvcdk.lambdas.common.snapstart;

import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each handler does once per container, after building its service: per {@link InitializationType}, prime
 * the call path (SnapStart and provisioned concurrency) and connect the restore hooks to CRaC (SnapStart).
 * On-demand init does nothing extra.
 */
public final class SnapStart {

    private static final StructuredLogger LOG = StructuredLogger.forClass(SnapStart.class);

    private SnapStart() {
    }

    /**
     * A handler's service as init built it, the hooks that keep its state restore-safe, and the priming run that
     * exercises its call path against in-process stand-ins only.
     */
    public record Prepared<S>(S service, RestoreHooks hooks, Runnable priming) {
        public Prepared {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(hooks, "hooks");
            Objects.requireNonNull(priming, "priming");
        }
    }

    /**
     * Primes and registers {@code prepared} as {@code environment}'s initialization type asks, and returns its
     * service. A priming failure is logged and init goes on: the function still works, its first call is slower.
     */
    public static <S> S prepare(Map<String, String> environment, String function, Prepared<S> prepared) {
        InitializationType type = InitializationType.from(environment);
        if (type.primes()) {
            long start = System.nanoTime();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("function", function);
            fields.put("initializationType", type.value());
            try {
                prepared.priming().run();
                fields.put("primingMs", (System.nanoTime() - start) / 1_000_000);
                LOG.info("call path primed", null, fields);
            } catch (RuntimeException e) {
                LOG.warn("priming failed; the first invocation will be slower", null,
                        Map.of("function", function, "problem", e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        if (type.snapshots()) {
            prepared.hooks().registerWithCrac();
        }
        return prepared.service();
    }
}
