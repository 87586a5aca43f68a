package dev.scvcdk.lambdas.common.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InitializationTypeTest {

    private static InitializationType of(String value) {
        return InitializationType.from(value == null ? Map.of() : Map.of(InitializationType.VARIABLE, value));
    }

    @Test
    void snapStartPrimesAndIsSnapshotted() {
        assertThat(of("snap-start")).isEqualTo(InitializationType.SNAP_START);
        assertThat(of("snap-start").primes()).isTrue();
        assertThat(of("snap-start").snapshots()).isTrue();
    }

    @Test
    void provisionedConcurrencyPrimesButIsNotSnapshotted() {
        assertThat(of("provisioned-concurrency").primes()).isTrue();
        assertThat(of("provisioned-concurrency").snapshots()).isFalse();
    }

    @Test
    void onDemandMissingAndUnknownValuesDoNothingExtra() {
        for (String value : new String[] {"on-demand", null, "", "lambda-managed-instances"}) {
            assertThat(of(value)).as(String.valueOf(value)).isEqualTo(InitializationType.ON_DEMAND);
            assertThat(of(value).primes()).as(String.valueOf(value)).isFalse();
            assertThat(of(value).snapshots()).as(String.valueOf(value)).isFalse();
        }
    }
}
