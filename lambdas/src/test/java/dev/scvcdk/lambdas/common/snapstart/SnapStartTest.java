package dev.scvcdk.lambdas.common.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartTest {

    private static Map<String, String> initializedAs(String type) {
        return Map.of(InitializationType.VARIABLE, type);
    }

    @Test
    void onDemandInitRunsNoPriming() {
        AtomicInteger primed = new AtomicInteger();

        String service = SnapStart.prepare(initializedAs("on-demand"), "f",
                new SnapStart.Prepared<>("service", new RestoreHooks(), primed::incrementAndGet));

        assertThat(service).isEqualTo("service");
        assertThat(primed).hasValue(0);
    }

    @Test
    void snapStartAndProvisionedConcurrencyInitPrimeOnce() {
        for (String type : new String[] {"snap-start", "provisioned-concurrency"}) {
            AtomicInteger primed = new AtomicInteger();

            SnapStart.prepare(initializedAs(type), "f",
                    new SnapStart.Prepared<>("service", new RestoreHooks(), primed::incrementAndGet));

            assertThat(primed).as(type).hasValue(1);
        }
    }

    @Test
    void aPrimingFailureLeavesInitStanding() {
        String service = SnapStart.prepare(initializedAs("snap-start"), "f",
                new SnapStart.Prepared<>("service", new RestoreHooks(), () -> {
                    throw new IllegalStateException("loopback port refused");
                }));

        assertThat(service).isEqualTo("service");
    }
}
