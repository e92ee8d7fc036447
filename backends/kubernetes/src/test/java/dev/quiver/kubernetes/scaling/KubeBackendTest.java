package dev.quiver.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.loop.FunctionLoop;
import dev.quiver.control.loop.LoopSettings;
import dev.quiver.control.loop.RoutePublisher;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.observe.stats.StatsSource;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.FunctionReconciler;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.Mode;
import dev.quiver.scaler.lag.PartitionOffsets;
import dev.quiver.scaler.warmpool.PoolPlan;
import dev.quiver.scaler.warmpool.WarmPoolPolicy;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scaler-core decisions applied to a function's objects on the fabric8 mock API server (CRUD mode) by the
 * {@link KubeBackend}, and the shared loop ticking over it.
 */
@QuarkusTest
@WithKubernetesTestServer
class KubeBackendTest {
    static final String NS = "scale";

    @Inject
    KubernetesClient client;

    MockCluster cluster;
    FunctionReconciler reconciler;
    KubeBackend backend;
    final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.withCrdsAndNoActivators(client);
        reconciler = cluster.reconciler();
        backend = new KubeBackend(ClusterReads.api(client), cluster.applier());
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void scaleDecisionPatchesReplicas() {
        Workload s = scaling("up", Map.of("warmPool", 0));

        apply(s, decision(3, Mode.PROXY, s));

        assertThat(replicas("up")).isEqualTo(3);
    }

    @Test
    void promotionRelabelsAWarmPodIntoTrafficAndThePoolIsRefilled() {
        Workload s = scaling("promo", Map.of("warmPool", 1));
        Pod warm = cluster.pods(NS, "promo", Labels.WARM).get(0);
        cluster.markReady(warm);

        apply(s, decision(1, Mode.SERVE, s));

        Pod promoted = client.pods()
                .inNamespace(NS)
                .withName(warm.getMetadata().getName())
                .get();
        assertThat(promoted.getMetadata().getLabels()).containsEntry(Labels.POOL, Labels.ACTIVE);
        assertThat(promoted.getMetadata().getUid())
                .as("the same pod, not a new one")
                .isEqualTo(warm.getMetadata().getUid());
        assertThat(cluster.pods(NS, "promo", Labels.WARM))
                .hasSize(1)
                .extracting(p -> p.getMetadata().getName())
                .doesNotContain(warm.getMetadata().getName());
        assertThat(replicas("promo"))
                .as("the promoted pod is the one active instance")
                .isZero();
        String ip = promoted.getStatus().getPodIP();
        assertThat(cluster.sliceTargets(NS, "promo"))
                .as("the promoted pod is in the public slice at once")
                .containsExactly(ip + ":8080");
    }

    @Test
    void proxyModePointsTheSliceAtTheActivatorAndServeModeBackAtThePods() {
        Workload s = scaling("route", Map.of("warmPool", 0, "minScale", 1));
        String activator = cluster.activatorPod("act-route").getStatus().getPodIP();
        deploymentPod("route", "route-a");
        String pod = client.pods()
                .inNamespace(NS)
                .withName("route-a")
                .get()
                .getStatus()
                .getPodIP();

        apply(s, decision(1, Mode.SERVE, s));
        assertThat(mode("route")).isEqualTo("serve");
        assertThat(cluster.sliceTargets(NS, "route")).containsExactly(pod + ":8080");

        apply(s, decision(0, Mode.PROXY, s));
        assertThat(mode("route")).isEqualTo("proxy");
        assertThat(cluster.sliceTargets(NS, "route")).containsExactly(activator + ":8012");
        assertThat(selector("route"))
                .as("no selector: only the controller's slice routes")
                .isNullOrEmpty();
        assertThat(replicas("route")).isZero();
        assertThat(client.services()
                        .inNamespace(NS)
                        .withName("route-private")
                        .get()
                        .getSpec()
                        .getSelector())
                .as("the activator's way to the pods stays")
                .isEqualTo(Labels.active("route"));
    }

    @Test
    void scaleDownMarksTheLeastBusyDeploymentPodsForDeletionFirst() {
        Workload s = scaling("down", Map.of("warmPool", 0, "minScale", 3));
        deploymentPod("down", "down-busy");
        deploymentPod("down", "down-idle");
        deploymentPod("down", "down-some");
        Map<String, Double> inFlight = Map.of("down-busy", 9.0, "down-idle", 0.0, "down-some", 2.0);
        List<PodView> views = reconciler.pods(NS, "down").stream()
                .map(p -> PodViews.of(p, inFlight.get(p.getMetadata().getName())))
                .toList();

        apply(s, decision(1, Mode.SERVE, views));

        assertThat(replicas("down")).isEqualTo(1);
        assertThat(cost("down-idle")).isEqualTo("-1000");
        assertThat(cost("down-some")).isEqualTo("-999");
        assertThat(cost("down-busy")).as("the busy pod is kept").isNull();
    }

    @Test
    void aTickReadsPodStatsAndScalesOnConcurrency() {
        StatsSource busy = (host, port) -> CompletableFuture.completedFuture(
                Optional.of(new StatsReport("READY", 30, 0, 30, 100, 1, 100, 0, 0, 0, 500, 1000)));
        Function f = client.resource(Functions.of("tick", NS, Map.of("warmPool", 0, "minScale", 1, "target", 10)))
                .create();
        Workload w = reconciler.reconcile(f).orElseThrow();
        deploymentPod("tick", "tick-a");

        Decision d = tick(w, busy, LagReader.NONE);

        assertThat(d.desired())
                .as("30 in flight / (target 10 x utilization 0.7)")
                .isEqualTo(5);
        assertThat(replicas("tick")).isEqualTo(5);
        assertThat(d.mode())
                .as("1 ready instance is short of the default burst capacity")
                .isEqualTo(Mode.PROXY);
        assertThat(mode("tick")).isEqualTo("proxy");
    }

    @Test
    void aKafkaFunctionScalesOnTheConsumerGroupsLag() {
        Function f = Functions.fromYaml("""
                apiVersion: quiver.dev/v1alpha1
                kind: Function
                metadata: {name: orders, namespace: scale}
                spec:
                  image: x
                  scale: {warmPool: 0, minScale: 1}
                  triggers: {kafka: {topic: orders, lag: {lagThreshold: 10}}}
                """);
        Workload w = reconciler.reconcile(client.resource(f).create()).orElseThrow();
        deploymentPod("orders", "orders-a");
        LagReader lag = (topic, group) -> CompletableFuture.completedFuture(
                topic.equals("orders") && group.equals("quiver-orders")
                        ? Optional.of(List.of(
                                new PartitionOffsets("0", 100, 50),
                                new PartitionOffsets("1", 100, 80),
                                new PartitionOffsets("2", 100, 90)))
                        : Optional.empty());

        Decision d = tick(w, StatsSource.NONE, lag);

        assertThat(d.desired())
                .as("lag 80 / threshold 10, capped by 3 partitions")
                .isEqualTo(3);
        assertThat(replicas("orders")).isEqualTo(3);
    }

    private Workload scaling(String name, Map<String, Object> scale) {
        Function f = client.resource(Functions.of(name, NS, scale)).create();
        Workload w = reconciler.reconcile(f).orElseThrow();
        backend.put(w);
        return w;
    }

    private void apply(Workload w, Decision d) {
        backend.apply(KubeBackend.toLoop(w), d);
    }

    /** The shared loop over this backend: deploy, one round (stats, lag, decision), the decision it made. */
    private Decision tick(Workload w, StatsSource stats, LagReader lag) {
        backend.put(w);
        FunctionLoop loop = new FunctionLoop(
                backend,
                stats,
                lag,
                QueuedRequests.NONE,
                RoutePublisher.NONE,
                Clock.fixed(MockCluster.NOW.plusSeconds(1), ZoneOffset.UTC),
                thread,
                new LoopSettings(Duration.ofSeconds(1), 10));
        List<Decision> decisions = new java.util.concurrent.CopyOnWriteArrayList<>();
        loop.onDecision((ref, d) -> decisions.add(d));
        loop.deploy(KubeBackend.toLoop(w)).join();
        decisions.clear();
        loop.tick().join();
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    private List<PodView> views(String name) {
        return reconciler.pods(NS, name).stream().map(p -> PodViews.of(p, 0)).toList();
    }

    private Decision decision(int desired, Mode mode, Workload w) {
        return decision(desired, mode, views(w.function().name()));
    }

    private static Decision decision(int desired, Mode mode, List<PodView> views) {
        int pool = 0;
        for (PodView v : views) {
            pool = v.active() ? pool : pool + 1;
        }
        PoolPlan plan = WarmPoolPolicy.plan(
                desired, views.stream().map(PodView::instance).toList(), pool);
        return new Decision(
                MockCluster.NOW, desired, 0, pool, false, mode, 0, plan.actions(), null, null, plan.reasons());
    }

    /** A pod as the Deployment's ReplicaSet would make it (the mock server runs no controllers). */
    private void deploymentPod(String function, String name) {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .withLabels(Labels.active(function))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("ReplicaSet")
                        .withName(function + "-rs")
                        .withUid("rs-uid")
                        .withController(true)
                        .build())
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("function")
                .withImage("x")
                .endContainer()
                .endSpec()
                .build();
        cluster.markReady(client.resource(pod).create());
    }

    private int replicas(String name) {
        return client.apps()
                .deployments()
                .inNamespace(NS)
                .withName(name)
                .get()
                .getSpec()
                .getReplicas();
    }

    private Map<String, String> selector(String name) {
        return client.services().inNamespace(NS).withName(name).get().getSpec().getSelector();
    }

    private String mode(String name) {
        return client.services()
                .inNamespace(NS)
                .withName(name)
                .get()
                .getMetadata()
                .getAnnotations()
                .get(Labels.MODE);
    }

    private String cost(String pod) {
        Map<String, String> a =
                client.pods().inNamespace(NS).withName(pod).get().getMetadata().getAnnotations();
        return a == null ? null : a.get(Labels.DELETION_COST);
    }
}
