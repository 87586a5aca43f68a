package dev.scvcdk.lambdas.common.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreHooksTest {

    private static Restorable recording(String name, List<String> calls) {
        return new Restorable() {
            @Override
            public void beforeCheckpoint() {
                calls.add("before " + name);
            }

            @Override
            public void afterRestore() {
                calls.add("after " + name);
            }
        };
    }

    @Test
    void hooksRunInReverseBeforeTheCheckpointAndInOrderAfterTheRestoreAsCracOrdersResources() {
        List<String> calls = new ArrayList<>();
        RestoreHooks hooks = new RestoreHooks().register(recording("http", calls), recording("cache", calls));

        hooks.beforeCheckpoint(null);
        hooks.afterRestore(null);

        assertThat(calls).containsExactly("before cache", "before http", "after http", "after cache");
    }

    @Test
    void aFailingHookDoesNotStopTheOthersAndIsReported() {
        List<String> calls = new ArrayList<>();
        Restorable broken = new Restorable() {
            @Override
            public void afterRestore() {
                throw new IllegalStateException("cannot reseed");
            }
        };
        RestoreHooks hooks = new RestoreHooks().register(broken, recording("ids", calls));

        assertThatThrownBy(() -> hooks.afterRestore(null))
                .hasMessage("restore hooks failed after the restore")
                .satisfies(e -> assertThat(e.getSuppressed()[0]).hasMessage("cannot reseed"));
        assertThat(calls).containsExactly("after ids");
    }
}
