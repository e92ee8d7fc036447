package dev.quiver.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scaler-core decisions applied to a function's objects on the fabric8 mock API server (CRUD mode). */
@QuarkusTest
@WithKubernetesTestServer
class FunctionScalingTest {
    static final String NS = "scale";

    @Inject
    KubernetesClient client;

    MockCluster cluster;
    FunctionReconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.withCrdsAndNoActivators(client);
        reconciler = cluster.reconciler();
    }

    @Test
    void scaleDecisionPatchesReplicas() {
        FunctionScaling s = scaling("up", Map.of("warmPool", 0));

        s.apply(decision(3, Mode.PROXY, s), views("up"));

        assertThat(replicas("up")).isEqualTo(3);
    }

    @Test
    void promotionRelabelsAWarmPodIntoTrafficAndThePoolIsRefilled() {
        FunctionScaling s = scaling("promo", Map.of("warmPool", 1));
        Pod warm = cluster.pods(NS, "promo", Labels.WARM).get(0);
        cluster.markReady(warm);

        s.apply(decision(1, Mode.SERVE, s), views("promo"));

        Pod promoted = client.pods().inNamespace(NS).withName(warm.getMetadata().getName()).get();
        assertThat(promoted.getMetadata().getLabels()).containsEntry(Labels.POOL, Labels.ACTIVE);
        assertThat(promoted.getMetadata().getUid()).as("the same pod, not a new one")
                .isEqualTo(warm.getMetadata().getUid());
        assertThat(cluster.pods(NS, "promo", Labels.WARM)).hasSize(1)
                .extracting(p -> p.getMetadata().getName()).doesNotContain(warm.getMetadata().getName());
        assertThat(replicas("promo")).as("the promoted pod is the one active instance").isZero();
        String ip = promoted.getStatus().getPodIP();
        assertThat(cluster.sliceTargets(NS, "promo")).as("the promoted pod is in the public slice at once")
                .containsExactly(ip + ":8080");
    }

    @Test
    void proxyModePointsTheSliceAtTheActivatorAndServeModeBackAtThePods() {
        FunctionScaling s = scaling("route", Map.of("warmPool", 0, "minScale", 1));
        String activator = cluster.activatorPod("act-route").getStatus().getPodIP();
        deploymentPod("route", "route-a");
        String pod = client.pods().inNamespace(NS).withName("route-a").get().getStatus().getPodIP();

        s.apply(decision(1, Mode.SERVE, s), views("route"));
        assertThat(mode("route")).isEqualTo("serve");
        assertThat(cluster.sliceTargets(NS, "route")).containsExactly(pod + ":8080");

        s.apply(decision(0, Mode.PROXY, s), views("route"));
        assertThat(mode("route")).isEqualTo("proxy");
        assertThat(cluster.sliceTargets(NS, "route")).containsExactly(activator + ":8012");
        assertThat(selector("route")).as("no selector: only the controller's slice routes").isNullOrEmpty();
        assertThat(replicas("route")).isZero();
        assertThat(client.services().inNamespace(NS).withName("route-private").get().getSpec().getSelector())
                .as("the activator's way to the pods stays").isEqualTo(Labels.active("route"));
    }

    @Test
    void scaleDownMarksTheLeastBusyDeploymentPodsForDeletionFirst() {
        FunctionScaling s = scaling("down", Map.of("warmPool", 0, "minScale", 3));
        deploymentPod("down", "down-busy");
        deploymentPod("down", "down-idle");
        deploymentPod("down", "down-some");
        Map<String, Double> inFlight = Map.of("down-busy", 9.0, "down-idle", 0.0, "down-some", 2.0);
        List<PodView> views = reconciler.pods(NS, "down").stream()
                .map(p -> PodViews.of(p, inFlight.get(p.getMetadata().getName()))).toList();

        s.apply(decision(1, Mode.SERVE, views), views);

        assertThat(replicas("down")).isEqualTo(1);
        assertThat(cost("down-idle")).isEqualTo("-1000");
        assertThat(cost("down-some")).isEqualTo("-999");
        assertThat(cost("down-busy")).as("the busy pod is kept").isNull();
    }

    @Test
    void aTickReadsPodStatsAndScalesOnConcurrency() {
        PodStats.Source busy = pod -> Optional.of(new PodStats(30, 30, 100));
        Function f = client.resource(Functions.of("tick", NS, Map.of("warmPool", 0, "minScale", 1, "target", 10)))
                .create();
        Workload w = reconciler.reconcile(f).orElseThrow();
        deploymentPod("tick", "tick-a");

        Decision d = new FunctionScaling(client, cluster.applier(), busy, LagSource.NONE, w, MockCluster.NOW)
                .tick(MockCluster.NOW.plusSeconds(1), reconciler.pods(NS, "tick"));

        assertThat(d.desired()).as("30 in flight / (target 10 x utilization 0.7)").isEqualTo(5);
        assertThat(replicas("tick")).isEqualTo(5);
        assertThat(d.mode()).as("1 ready instance is short of the default burst capacity").isEqualTo(Mode.PROXY);
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
        LagSource lag = (topic, group) -> topic.equals("orders") && group.equals("quiver-orders")
                ? List.of(new PartitionOffsets("0", 100, 50), new PartitionOffsets("1", 100, 80),
                        new PartitionOffsets("2", 100, 90))
                : null;

        Decision d = new FunctionScaling(client, cluster.applier(), pod -> Optional.empty(), lag, w, MockCluster.NOW)
                .tick(MockCluster.NOW.plusSeconds(1), reconciler.pods(NS, "orders"));

        assertThat(d.desired()).as("lag 80 / threshold 10, capped by 3 partitions").isEqualTo(3);
        assertThat(replicas("orders")).isEqualTo(3);
    }

    private FunctionScaling scaling(String name, Map<String, Object> scale) {
        Function f = client.resource(Functions.of(name, NS, scale)).create();
        Workload w = reconciler.reconcile(f).orElseThrow();
        return new FunctionScaling(client, cluster.applier(), pod -> Optional.empty(), LagSource.NONE, w,
                MockCluster.NOW);
    }

    private List<PodView> views(String name) {
        return FunctionScaling.views(reconciler.pods(NS, name));
    }

    private Decision decision(int desired, Mode mode, FunctionScaling s) {
        return decision(desired, mode, views(s.workload().function().name()));
    }

    private static Decision decision(int desired, Mode mode, List<PodView> views) {
        int pool = 0;
        for (PodView v : views) {
            pool = v.active() ? pool : pool + 1;
        }
        PoolPlan plan = WarmPoolPolicy.plan(desired, views.stream().map(PodView::instance).toList(), pool);
        return new Decision(MockCluster.NOW, desired, 0, pool, false, mode, 0, plan.actions(), null, null,
                plan.reasons());
    }

    /** A pod as the Deployment's ReplicaSet would make it (the mock server runs no controllers). */
    private void deploymentPod(String function, String name) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(Labels.active(function))
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                        .withName(function + "-rs").withUid("rs-uid").withController(true).build())
                .endMetadata().withNewSpec().addNewContainer().withName("function").withImage("x").endContainer()
                .endSpec().build();
        cluster.markReady(client.resource(pod).create());
    }

    private int replicas(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get().getSpec().getReplicas();
    }

    private Map<String, String> selector(String name) {
        return client.services().inNamespace(NS).withName(name).get().getSpec().getSelector();
    }

    private String mode(String name) {
        return client.services().inNamespace(NS).withName(name).get().getMetadata().getAnnotations()
                .get(Labels.MODE);
    }

    private String cost(String pod) {
        Map<String, String> a = client.pods().inNamespace(NS).withName(pod).get().getMetadata().getAnnotations();
        return a == null ? null : a.get(Labels.DELETION_COST);
    }
}
