package dev.quiver.runtime.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.runtime.warmup.WarmUpHooks.Named;
import dev.quiver.runtime.warmup.WarmUpHooks.Outcome;
import dev.quiver.runtime.warmup.WarmUpHooks.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class WarmUpHooksTest {

    @Test
    void everyHookRunsOnceInOrder() {
        List<String> ran = new ArrayList<>();
        List<Outcome> out = WarmUpHooks.run(
                List.of(new Named("a", () -> ran.add("a")), new Named("b", () -> ran.add("b"))),
                Duration.ofSeconds(30),
                System::nanoTime);
        assertThat(ran).containsExactly("a", "b");
        assertThat(out).extracting(Outcome::result).containsExactly(Result.DONE, Result.DONE);
    }

    @Test
    void aFailingHookIsReportedAndTheNextStillRuns() {
        List<String> ran = new ArrayList<>();
        List<Outcome> out = WarmUpHooks.run(
                List.of(
                        new Named("broken", () -> {
                            throw new IllegalStateException("store unreachable");
                        }),
                        new Named("next", () -> ran.add("next"))),
                Duration.ofSeconds(30),
                System::nanoTime);
        assertThat(out.get(0).result()).isEqualTo(Result.FAILED);
        assertThat(out.get(0).detail()).contains("store unreachable");
        assertThat(ran).containsExactly("next");
    }

    @Test
    void aHookOverTheBudgetIsLeftBehindAndTheRestAreSkipped() {
        CountDownLatch never = new CountDownLatch(1);
        long[] now = {0};
        // a clock that jumps past the budget once the first hook has started
        List<Outcome> out = WarmUpHooks.run(
                List.of(new Named("stuck", never::await), new Named("later", () -> {})),
                Duration.ofMillis(50),
                () -> now[0] += 30_000_000L);
        assertThat(out).extracting(Outcome::result).containsExactly(Result.TIMED_OUT, Result.SKIPPED);
    }

    @Test
    void noHooksNoOutcomes() {
        assertThat(WarmUpHooks.run(List.of(), Duration.ofSeconds(1), System::nanoTime))
                .isEmpty();
    }
}
