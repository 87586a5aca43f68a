package dev.scvcdk.lambdas.ctrsync;

import dev.scvcdk.contracts.EnvVar;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the production {@link CtrSyncService} from the function's environment. */
public final class CtrSyncWiring {
    public static final String TELEPHONY_FUNCTION_VARIABLE = EnvVar.INVOKE_TELEPHONY_INTEGRATION_API_ARN;
    /**
     * Parallel telephony invocations per batch: 100 records finish in five rounds of one telephony call each.
     * Bounded so that CTRDataSync (reserved concurrency 2) takes at most 40 of the telephony function's 100,
     * leaving the rest to live contact flows.
     */
    public static final int CONCURRENCY = 20;

    private CtrSyncWiring() {
    }

    /** @throws dev.scvcdk.lambdas.common.env.ConfigurationException when the telephony alias ARN is not set */
    public static CtrSyncService fromEnvironment(Map<String, String> environment) {
        return prepare(environment).service();
    }

    /** The service, its restore hooks (the shared AWS client state) and its priming run, for the handler's init. */
    public static SnapStart.Prepared<CtrSyncService> prepare(Map<String, String> environment) {
        return prepare(environment, CtrSyncPriming.ROUNDS);
    }

    /** @param primingRounds how many batches priming sends through the call path */
    static SnapStart.Prepared<CtrSyncService> prepare(Map<String, String> environment, int primingRounds) {
        EnvReader env = EnvReader.of(environment);
        String telephony = env.required(TELEPHONY_FUNCTION_VARIABLE);
        env.validate();
        ExecutorService pool = daemonPool(CONCURRENCY);
        CtrSyncService service = new CtrSyncService(AwsClients.lambda(), telephony, pool,
                Clock.systemUTC(), StructuredLogger.forClass(CtrSyncService.class));
        return new SnapStart.Prepared<>(service, new RestoreHooks().registerAll(AwsApiClient.sharedRestorables()),
                () -> CtrSyncPriming.prime(telephony, pool, primingRounds));
    }

    /** Daemon threads: an idle pool never keeps a JVM (or a local benchmark) alive. */
    public static ExecutorService daemonPool(int threads) {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ctr-sync-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
