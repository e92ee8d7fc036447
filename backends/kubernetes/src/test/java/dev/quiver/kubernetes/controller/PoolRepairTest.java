package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.scaling.KubeOp;
import dev.quiver.kubernetes.scaling.KubeOp.CreateWarmPods;
import dev.quiver.kubernetes.scaling.KubeOp.DeletePod;
import dev.quiver.kubernetes.scaling.PodView;
import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PoolRepairTest {
    static final Instant T = Instant.parse("2026-11-23T12:00:00Z");

    static PodView warm(String name, String revision, boolean ready, int ageSeconds) {
        return new PodView(name, Role.POOL, ready, 0, T.minusSeconds(ageSeconds), true, revision);
    }

    static PodView promoted(String name, String revision) {
        return new PodView(name, Role.ACTIVE, true, 0, T, true, revision);
    }

    record Case(String label, List<PodView> pods, int size, List<KubeOp> want) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                        new Case("empty pool is filled", List.of(), 2, List.of(new CreateWarmPods(2))),
                        new Case(
                                "full pool: nothing",
                                List.of(warm("a", "r2", true, 5), warm("b", "r2", true, 5)),
                                2,
                                List.of()),
                        new Case(
                                "promoted pods do not count as pool",
                                List.of(promoted("p", "r2")),
                                1,
                                List.of(new CreateWarmPods(1))),
                        new Case(
                                "old template pods are replaced",
                                List.of(warm("old", "r1", true, 50), promoted("pold", "r1")),
                                1,
                                List.of(new DeletePod("old"), new DeletePod("pold"), new CreateWarmPods(1))),
                        new Case(
                                "too many: not-ready, then newest go first",
                                List.of(
                                        warm("ready-old", "r2", true, 60),
                                        warm("ready-new", "r2", true, 1),
                                        warm("starting", "r2", false, 1)),
                                1,
                                List.of(new DeletePod("starting"), new DeletePod("ready-new"))),
                        new Case(
                                "pool size 0 empties it",
                                List.of(warm("a", "r2", true, 5)),
                                0,
                                List.of(new DeletePod("a"))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plan(Case c) {
        assertThat(PoolRepair.plan(c.pods(), "r2", c.size())).isEqualTo(c.want());
    }
}
