package dev.quiver.scaler.warmpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.scaler.warmpool.PoolAction.Promote;
import dev.quiver.scaler.warmpool.PoolAction.ReturnToPool;
import dev.quiver.scaler.warmpool.PoolAction.StartActive;
import dev.quiver.scaler.warmpool.PoolAction.StartWarm;
import dev.quiver.scaler.warmpool.PoolAction.Stop;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WarmPoolPolicyTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Instance active(String id, double inFlight, int startedSecond) {
        return Instance.active(id, true, inFlight, T0.plusSeconds(startedSecond));
    }

    static Instance starting(String id, int startedSecond) {
        return Instance.active(id, false, 0, T0.plusSeconds(startedSecond));
    }

    static Instance pooled(String id, boolean ready, int startedSecond) {
        return Instance.pooled(id, ready, T0.plusSeconds(startedSecond));
    }

    static Stream<Arguments> plan() {
        return Stream.of(
                row("steady: nothing to do", 2, List.of(active("a", 5, 0), active("b", 5, 1)), 0, List.of()),
                row("no pool: scale-up cold-starts", 3, List.of(active("a", 5, 0)), 0, List.of(new StartActive(2))),
                row(
                        "scale-up promotes from the pool first, then refills",
                        2,
                        List.of(active("a", 5, 0), pooled("w1", true, 0), pooled("w2", true, 1)),
                        2,
                        List.of(new Promote("w1"), new StartWarm(1))),
                row(
                        "pool too small: promote all, cold-start the rest, refill",
                        4,
                        List.of(active("a", 5, 0), pooled("w1", true, 0)),
                        1,
                        List.of(new Promote("w1"), new StartActive(2), new StartWarm(1))),
                row(
                        "ready pool instances are promoted before starting ones",
                        1,
                        List.of(pooled("w1", false, 0), pooled("w2", true, 5)),
                        2,
                        List.of(new Promote("w2"), new StartWarm(1))),
                row(
                        "scale-down stops the least busy first",
                        2,
                        List.of(active("a", 9, 0), active("b", 1, 1), active("c", 4, 2)),
                        0,
                        List.of(new Stop("b"))),
                row(
                        "equally busy: the newest is stopped",
                        1,
                        List.of(active("a", 3, 0), active("b", 3, 5)),
                        0,
                        List.of(new Stop("b"))),
                row(
                        "not-ready instances are stopped before ready ones",
                        2,
                        List.of(active("a", 9, 0), active("b", 0, 1), starting("c", 2)),
                        0,
                        List.of(new Stop("c"))),
                row(
                        "stopped instance returns to the pool when it is short",
                        1,
                        List.of(active("a", 9, 0), active("b", 1, 1)),
                        1,
                        List.of(new ReturnToPool("b"))),
                row(
                        "pool full: stopped instances are stopped",
                        1,
                        List.of(active("a", 9, 0), active("b", 1, 1), pooled("w1", true, 0)),
                        1,
                        List.of(new Stop("b"))),
                row(
                        "only what the pool lacks goes back to it",
                        0,
                        List.of(active("a", 2, 0), active("b", 1, 1), active("c", 0, 2)),
                        2,
                        List.of(new ReturnToPool("c"), new ReturnToPool("b"), new Stop("a"))),
                row("pool is refilled at zero", 0, List.of(), 2, List.of(new StartWarm(2))),
                row("pool is kept at zero", 0, List.of(pooled("w1", true, 0), pooled("w2", false, 3)), 2, List.of()),
                row(
                        "pool larger than wanted shrinks, starting ones first",
                        0,
                        List.of(pooled("w1", true, 0), pooled("w2", false, 3)),
                        1,
                        List.of(new Stop("w2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void plan(String label, int desired, List<Instance> instances, int poolSize, List<PoolAction> expected) {
        assertThat(WarmPoolPolicy.plan(desired, instances, poolSize).actions()).containsExactlyElementsOf(expected);
    }

    private static Arguments row(
            String label, int desired, List<Instance> instances, int poolSize, List<PoolAction> expected) {
        return Arguments.of(label, desired, instances, poolSize, expected);
    }
}
