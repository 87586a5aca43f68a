package dev.scvcdk.policies.declarations;

import dev.scvcdk.contracts.Handler;
import dev.scvcdk.policies.ScvNames.Function;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one SCV function is: its name, the role it runs as, the AWS calls it makes, what triggers it, the
 * feature it is deployed under and — when this project builds it — how it is deployed. Declared once in
 * {@link FunctionContracts}; the role's statements, the key policies, the failure destination, the stack wiring
 * and the compliance suite's expectations are all derived from it.
 *
 * @param function   the function (deployed as {@code <cc>-<name>})
 * @param roleName   the SCV execution role
 * @param calls      the AWS calls its code makes (logs, traces and the failure destination are added by
 *                   {@link #allCalls()}: Lambda makes those for every function)
 * @param triggers   what invokes it
 * @param feature    the tenant-config feature it is deployed under
 * @param deployment how this project deploys it; empty for SCV's own code that a tenant deploys beside the
 *                   stack (the role still exists, with exactly what that code needs)
 */
public record FunctionContract(Function function, String roleName, List<Call> calls, Set<Trigger> triggers,
        Feature feature, Optional<Deployment> deployment) {

    /**
     * How this project deploys a function.
     *
     * @param handler             the handler class, in the jar {@link Handler#jar()} names
     * @param environment         each variable and how its value derives from the deployment (ordered)
     * @param timeout             function timeout
     * @param memoryMb            memory size
     * @param reservedConcurrency reserved concurrent executions (default; a stack prop may override it)
     * @param asyncRetryAttempts  Lambda's retries of a failed asynchronous invocation before the failure
     *                            destination (0 where a retry would repeat visible work)
     * @param objectKeyPrefix     the tenant-bucket key prefix whose {@code Object Created} events a
     *                            {@link Trigger#TENANT_BUCKET_RULE} delivers; empty for other triggers
     */
    public record Deployment(Handler handler, Map<String, EnvValue> environment, Duration timeout, int memoryMb,
            int reservedConcurrency, int asyncRetryAttempts, Optional<String> objectKeyPrefix) {
        /** Lambda's default for asynchronous invocations. */
        public static final int DEFAULT_ASYNC_RETRY_ATTEMPTS = 2;

        public Deployment {
            environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
            if (asyncRetryAttempts < 0 || asyncRetryAttempts > 2) {
                throw new IllegalArgumentException("asyncRetryAttempts must be 0, 1 or 2: " + asyncRetryAttempts);
            }
        }

        public Deployment withAsyncRetryAttempts(int attempts) {
            return new Deployment(handler, environment, timeout, memoryMb, reservedConcurrency, attempts,
                    objectKeyPrefix);
        }

        public Deployment withObjectKeyPrefix(String prefix) {
            return new Deployment(handler, environment, timeout, memoryMb, reservedConcurrency, asyncRetryAttempts,
                    Optional.of(prefix));
        }
    }

    public FunctionContract {
        calls = List.copyOf(calls);
        if (deployment.isPresent() && triggers.contains(Trigger.TENANT_BUCKET_RULE)
                != deployment.get().objectKeyPrefix().isPresent()) {
            throw new IllegalArgumentException(function + ": a tenant-bucket rule needs its object key prefix, "
                    + "and only it has one");
        }
        triggers = triggers.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(triggers));
    }

    /** Whether failed events of some trigger land in the contact center's failure queue. */
    public boolean hasFailureDestination() {
        return triggers.stream().anyMatch(Trigger::needsFailureDestination);
    }

    /**
     * The declared calls, then the ones Lambda makes for the function: its log streams, its X-Ray traces and,
     * when it has one, its failure destination.
     */
    public List<Call> allCalls() {
        List<Call> all = new ArrayList<>(calls);
        all.add(Call.writeOwnLogs(function.baseName()));
        all.add(Call.writeTraces());
        if (hasFailureDestination()) {
            all.add(Call.of("SendToFailureQueue", Target.failureQueue(),
                    "Lambda sends failed events and batches to the on-failure destination", "sqs:SendMessage")
                    .withKey(KeyUse.encrypt(TenantKey.PLATFORM, "sqs")));
        }
        return List.copyOf(all);
    }

    /** Whether this project deploys it (a handler exists in the jar). */
    public boolean deployed() {
        return deployment.isPresent();
    }
}
