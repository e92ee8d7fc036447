package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.resource.Function;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code spec.rolloutDuration} on the mock API server (CRUD mode), with a clock the test moves: a new latest revision
 * gets 1 % at once, then growing shares in {@code status.traffic} (which the activator follows), the spec's split at
 * the end; the start is recorded in {@code status.rollout}, so a restarted controller resumes the rollout.
 */
@QuarkusTest
@WithKubernetesTestServer
class RolloutStepsTest {
    static final String NS = "rollout";
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    @Inject
    KubernetesClient client;

    MockCluster cluster;
    MovingClock clock;
    FunctionReconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.withCrdsAndNoActivators(client);
        clock = new MovingClock(T0);
        reconciler = newController();
        client.resources(Function.class).inNamespace(NS).delete();
        client.apps().deployments().inNamespace(NS).delete();
        client.apps().controllerRevisions().inNamespace(NS).delete();
        client.services().inNamespace(NS).delete();
        client.pods().inNamespace(NS).delete();
    }

    /** roll-00001 at 100 %, then a new image (roll-00002) at T0. */
    private void newRevisionAtT0() {
        Function f = Functions.of("roll", NS, Map.of("warmPool", 0));
        f.getSpec().setRolloutDuration("60s");
        reconcile(client.resource(f).create());
        assertThat(traffic()).containsExactly("roll-00001=100");
        update(x -> x.getSpec().setImage("registry.example/roll:2"));
    }

    @Test
    void aNewRevisionGetsOnePercentThenGrowingSharesAndAllAtTheEnd() {
        newRevisionAtT0();
        assertThat(traffic()).containsExactly("roll-00001=99", "roll-00002=1");
        assertThat(get().getStatus().getRollout().getStartedAt()).isEqualTo(T0.toString());
        assertThat(get().getStatus().getRollout().getRevisionName()).isEqualTo("roll-00002");
        assertThat(deployments()).containsExactlyInAnyOrder("roll", "roll-00001");
        assertThat(reconciler.rolling(NS, "roll")).isTrue();

        clock.set(T0.plusSeconds(30));
        reconcile(get());
        assertThat(traffic()).containsExactly("roll-00001=49", "roll-00002=51");

        clock.set(T0.plusSeconds(45));
        reconcile(get());
        assertThat(traffic()).containsExactly("roll-00001=24", "roll-00002=76");

        clock.set(T0.plusSeconds(60));
        reconcile(get());
        assertThat(traffic()).containsExactly("roll-00002=100");
        assertThat(get().getStatus().getRollout()).isNull();
        assertThat(reconciler.rolling(NS, "roll")).isFalse();
        assertThat(deployments()).containsExactly("roll");
    }

    @Test
    void aRestartedControllerResumesTheRolloutFromTheRecordedStart() {
        newRevisionAtT0();
        clock.set(T0.plusSeconds(30));

        reconciler = newController(); // nothing in memory: the status says when the rollout started
        reconcile(get());

        assertThat(traffic()).containsExactly("roll-00001=49", "roll-00002=51");
        assertThat(get().getStatus().getRollout().getStartedAt()).isEqualTo(T0.toString());
        assertThat(reconciler.rolling(NS, "roll")).isTrue();

        clock.set(T0.plusSeconds(61));
        reconciler = newController();
        reconcile(get());
        assertThat(traffic()).containsExactly("roll-00002=100");
        assertThat(get().getStatus().getRollout()).isNull();
    }

    @Test
    void withoutRolloutDurationTheNewRevisionTakesEverythingAtOnce() {
        Function f = Functions.of("roll", NS, Map.of("warmPool", 0));
        reconcile(client.resource(f).create());
        update(x -> x.getSpec().setImage("registry.example/roll:2"));

        assertThat(traffic()).containsExactly("roll-00002=100");
        assertThat(get().getStatus().getRollout()).isNull();
        assertThat(reconciler.rolling(NS, "roll")).isFalse();
    }

    /**
     * Reconciles; then leaves on the server the status as written, as a real API server does: the mock server's
     * status merge patch appends the lists to the ones it had (a real one replaces them).
     */
    private void reconcile(Function f) {
        var before = get() == null ? null : get().getStatus();
        int traffic = before == null || before.getTraffic() == null
                ? 0
                : before.getTraffic().size();
        int from = before == null || before.getRollout() == null
                ? 0
                : before.getRollout().getFrom().size();
        assertThat(reconciler.reconcile(f)).isPresent();
        Function after = get();
        var s = after.getStatus();
        if (s.getTraffic().size() > traffic) {
            s.setTraffic(s.getTraffic().subList(traffic, s.getTraffic().size()));
        }
        if (s.getRollout() != null && s.getRollout().getFrom().size() > from) {
            s.getRollout()
                    .setFrom(s.getRollout()
                            .getFrom()
                            .subList(from, s.getRollout().getFrom().size()));
        }
        client.resource(after).updateStatus();
    }

    private FunctionReconciler newController() {
        return new FunctionReconciler(
                client, cluster.applier(), Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), clock);
    }

    private List<String> traffic() {
        return get().getStatus().getTraffic().stream()
                .filter(t -> t.getPercent() > 0)
                .map(t -> t.getRevisionName() + "=" + t.getPercent())
                .sorted()
                .toList();
    }

    private List<String> deployments() {
        return client.apps().deployments().inNamespace(NS).list().getItems().stream()
                .map(d -> d.getMetadata().getName())
                .toList();
    }

    /** Changes the spec as a user's update does (see RevisionDeploymentsTest), then reconciles. */
    private void update(Consumer<Function> change) {
        Function f = get();
        var status = f.getStatus();
        f.setStatus(null);
        change.accept(f);
        Function updated = client.resource(f).update();
        updated.setStatus(status);
        reconcile(updated);
    }

    private Function get() {
        return client.resources(Function.class).inNamespace(NS).withName("roll").get();
    }

    /** The controller's clock, moved by the test. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
