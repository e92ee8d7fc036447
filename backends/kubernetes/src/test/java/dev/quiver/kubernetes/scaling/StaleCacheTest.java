package dev.quiver.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.control.loop.FunctionLoop;
import dev.quiver.control.loop.LoopSettings;
import dev.quiver.control.loop.RoutePublisher;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.observe.stats.StatsSource;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Workload;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's backend reads caches that lag behind its own writes: two quick ticks after a scale-up must not make the
 * same warm pods twice. The cache here is frozen where it was before the first tick (the worst lag).
 */
@QuarkusTest
@WithKubernetesTestServer
class StaleCacheTest {
    static final String NS = "stale";

    @Inject
    KubernetesClient client;

    MockCluster cluster;
    final AtomicInteger suffix = new AtomicInteger();
    final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.withCrdsAndNoActivators(client);
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void twoQuickTicksAfterAScaleUpMakeTheWarmPodsOnce() {
        Workload w = functionWithAnEmptyPool("twice");
        AppliedOps applied = new AppliedOps(Clock.fixed(MockCluster.NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
        ClusterReads reads = applied.over(Frozen.of(client, NS, "twice"));

        twoTicks(w, reads, applied);

        assertThat(cluster.pods(NS, "twice", Labels.WARM)).as("the pool of 2").hasSize(2);
        assertThat(cluster.pods(NS, "twice", Labels.ACTIVE))
                .as("the second tick saw the starting warm pods: it " + "promoted one and made one more, not 2 again")
                .hasSize(1);
    }

    @Test
    void withoutItsOwnWritesLaidOverTheStaleCacheWouldMakeThemTwice() {
        Workload w = functionWithAnEmptyPool("dup");

        twoTicks(w, Frozen.of(client, NS, "dup"), null);

        assertThat(cluster.pods(NS, "dup", Labels.WARM))
                .as("what the overlay prevents")
                .hasSize(4);
    }

    @Test
    void theOverlayEndsWhenTheCacheShowsTheWrite() {
        Workload w = functionWithAnEmptyPool("caught");
        AppliedOps applied = new AppliedOps(Clock.fixed(MockCluster.NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
        twoTicks(w, applied.over(Frozen.of(client, NS, "caught")), applied);
        ClusterReads upToDate = applied.over(ClusterReads.api(client));

        assertThat(upToDate.pods(NS, "caught"))
                .as("each pod once: the cached one, not the expected copy too")
                .hasSize(3)
                .extracting(p -> p.getMetadata().getName())
                .doesNotHaveDuplicates();
        client.pods().inNamespace(NS).withLabels(Labels.function("caught")).delete();
        assertThat(upToDate.pods(NS, "caught"))
                .as("seen once, no longer expected")
                .isEmpty();
    }

    /** A function with a warm pool of 2 whose warm pods are gone: the loop's next tick makes 2. */
    private Workload functionWithAnEmptyPool(String name) {
        var f = client.resource(Functions.of(name, NS, Map.of("warmPool", 2, "minScale", 0)))
                .create();
        Workload w = cluster.reconciler().reconcile(f).orElseThrow();
        client.pods().inNamespace(NS).withLabels(Labels.warm(name)).delete();
        assertThat(cluster.pods(NS, name, Labels.WARM)).isEmpty();
        return w;
    }

    private void twoTicks(Workload w, ClusterReads reads, AppliedOps applied) {
        KubeApplier applier = new KubeApplier(
                client,
                () -> "s" + suffix.incrementAndGet(),
                new EndpointWriter(client, reads, List::of, 8012),
                applied);
        KubeBackend backend = new KubeBackend(reads, applier);
        backend.put(w);
        FunctionLoop loop = new FunctionLoop(
                backend,
                StatsSource.NONE,
                LagReader.NONE,
                QueuedRequests.NONE,
                RoutePublisher.NONE,
                Clock.fixed(MockCluster.NOW.plusSeconds(1), ZoneOffset.UTC),
                thread,
                new LoopSettings(Duration.ofSeconds(1), 10));
        loop.deploy(KubeBackend.toLoop(w)).join();
        loop.tick().join();
        loop.tick().join();
    }

    /** The function's objects as the API server had them when taken: a cache that does not move. */
    record Frozen(List<Pod> pods, Deployment deployment, Service service) implements ClusterReads {
        static Frozen of(KubernetesClient client, String namespace, String function) {
            ClusterReads api = ClusterReads.api(client);
            return new Frozen(
                    api.pods(namespace, function),
                    api.deployment(namespace, function).orElse(null),
                    api.service(namespace, function).orElse(null));
        }

        @Override
        public List<Pod> pods(String namespace, String function) {
            return pods;
        }

        @Override
        public Optional<Deployment> deployment(String namespace, String function) {
            return Optional.ofNullable(deployment);
        }

        @Override
        public Optional<Service> service(String namespace, String function) {
            return Optional.ofNullable(service);
        }
    }
}
