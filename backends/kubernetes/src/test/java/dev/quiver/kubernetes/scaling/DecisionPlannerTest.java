package dev.quiver.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.scaling.KubeOp.CreateWarmPods;
import dev.quiver.kubernetes.scaling.KubeOp.DeletePod;
import dev.quiver.kubernetes.scaling.KubeOp.MarkForDeletion;
import dev.quiver.kubernetes.scaling.KubeOp.Relabel;
import dev.quiver.kubernetes.scaling.KubeOp.Route;
import dev.quiver.kubernetes.scaling.KubeOp.SetReplicas;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.Mode;
import dev.quiver.scaler.warmpool.PoolAction;
import dev.quiver.scaler.warmpool.PoolAction.Promote;
import dev.quiver.scaler.warmpool.PoolAction.ReturnToPool;
import dev.quiver.scaler.warmpool.PoolAction.StartActive;
import dev.quiver.scaler.warmpool.PoolAction.StartWarm;
import dev.quiver.scaler.warmpool.PoolAction.Stop;
import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionPlannerTest {
    static final Instant T = Instant.parse("2026-11-23T12:00:00Z");

    static PodView dep(String name) {
        return new PodView(name, Role.ACTIVE, true, 0, T, false, "r1");
    }

    static PodView promoted(String name) {
        return new PodView(name, Role.ACTIVE, true, 0, T, true, "r1");
    }

    static PodView warm(String name) {
        return new PodView(name, Role.POOL, true, 0, T, true, "r1");
    }

    record Case(
            String label,
            int desired,
            Mode mode,
            List<PoolAction> actions,
            List<PodView> pods,
            int replicas,
            Mode routed,
            List<KubeOp> want) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                        new Case(
                                "steady: nothing to do",
                                2,
                                Mode.SERVE,
                                List.of(),
                                List.of(dep("a"), dep("b")),
                                2,
                                Mode.SERVE,
                                List.of()),
                        new Case(
                                "cold scale up patches replicas",
                                3,
                                Mode.SERVE,
                                List.of(new StartActive(2)),
                                List.of(dep("a")),
                                1,
                                Mode.SERVE,
                                List.of(new SetReplicas(3))),
                        new Case(
                                "promotion relabels, replicas cover the rest, pool refilled",
                                3,
                                Mode.SERVE,
                                List.of(new Promote("w1"), new StartActive(2), new StartWarm(1)),
                                List.of(warm("w1")),
                                0,
                                Mode.SERVE,
                                List.of(new Relabel("w1", "active"), new SetReplicas(2), new CreateWarmPods(1))),
                        new Case(
                                "stop a promoted pod: delete it",
                                1,
                                Mode.SERVE,
                                List.of(new Stop("p1")),
                                List.of(promoted("p1"), dep("a")),
                                1,
                                Mode.SERVE,
                                List.of(new DeletePod("p1"))),
                        new Case(
                                "stop deployment pods: least busy first gets the lowest deletion cost",
                                1,
                                Mode.SERVE,
                                List.of(new Stop("idle"), new Stop("some")),
                                List.of(dep("idle"), dep("some"), dep("busy")),
                                3,
                                Mode.SERVE,
                                List.of(
                                        new MarkForDeletion("idle", -1000),
                                        new MarkForDeletion("some", -999),
                                        new SetReplicas(1))),
                        new Case(
                                "return a promoted pod to the pool: relabel",
                                1,
                                Mode.SERVE,
                                List.of(new ReturnToPool("p1")),
                                List.of(promoted("p1"), dep("a")),
                                1,
                                Mode.SERVE,
                                List.of(new Relabel("p1", "warm"))),
                        new Case(
                                "return a deployment pod: stop it and start a warm one",
                                1,
                                Mode.SERVE,
                                List.of(new ReturnToPool("b")),
                                List.of(dep("a"), dep("b")),
                                2,
                                Mode.SERVE,
                                List.of(new MarkForDeletion("b", -1000), new SetReplicas(1), new CreateWarmPods(1))),
                        new Case(
                                "to zero: route to the activator before the pods go",
                                0,
                                Mode.PROXY,
                                List.of(new Stop("a")),
                                List.of(dep("a")),
                                1,
                                Mode.SERVE,
                                List.of(new Route(Mode.PROXY), new MarkForDeletion("a", -1000), new SetReplicas(0))),
                        new Case(
                                "from zero: back to the pods after they are in place",
                                1,
                                Mode.SERVE,
                                List.of(new Promote("w1"), new StartWarm(1)),
                                List.of(warm("w1")),
                                0,
                                Mode.PROXY,
                                List.of(new Relabel("w1", "active"), new CreateWarmPods(1), new Route(Mode.SERVE))),
                        new Case(
                                "promoted pods count toward desired",
                                2,
                                Mode.SERVE,
                                List.of(),
                                List.of(promoted("p1"), dep("a")),
                                2,
                                Mode.SERVE,
                                List.of(new SetReplicas(1))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plan(Case c) {
        Decision d = new Decision(T, c.desired(), 0, 0, false, c.mode(), 0, c.actions(), null, null, List.of());
        assertThat(DecisionPlanner.plan(d, c.pods(), c.replicas(), c.routed())).isEqualTo(c.want());
    }
}
