package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import dev.quiver.kubernetes.workload.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revisions as objects on the mock API server (CRUD mode): kept templates, revision Deployments {@code <fn>-0000N},
 * tag Services, a rollback rebuilt from the kept template, a 0 % untagged revision removed without touching the other.
 */
@QuarkusTest
@WithKubernetesTestServer
class RevisionDeploymentsTest {
    static final String NS = "revs";

    @Inject
    KubernetesClient client;

    FunctionReconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        reconciler = MockCluster.withCrdsAndNoActivators(client).reconciler();
        client.resources(Function.class).inNamespace(NS).delete();
        client.apps().deployments().inNamespace(NS).delete();
        client.apps().controllerRevisions().inNamespace(NS).delete();
        client.services().inNamespace(NS).delete();
        client.pods().inNamespace(NS).delete();
    }

    /** hello-00001 (image 1), hello-00002 (image 2), hello-00003 (image 2 + env): the latest in Deployment hello. */
    private void threeRevisions(String name) {
        reconciler.reconcile(
                client.resource(Functions.of(name, NS, Map.of("warmPool", 0))).create());
        update(name, f -> f.getSpec().setImage("registry.example/" + name + ":2"));
        update(name, f -> f.getSpec().setEnv(Map.of("GREETING", "hi")));
    }

    @Test
    void aFunctionUpdatedTwiceHasThreeRevisionsEachTemplateKeptAndOneDeploymentAtFullTraffic() {
        threeRevisions("hello");

        assertThat(get("hello").getStatus().getLatestRevision()).isEqualTo("hello-00003");
        assertThat(client.apps().controllerRevisions().inNamespace(NS).list().getItems())
                .extracting(r -> r.getMetadata().getName())
                .containsExactlyInAnyOrder("hello-00001", "hello-00002", "hello-00003");
        assertThat(deployments()).containsExactly("hello");
        assertThat(image("hello")).isEqualTo("registry.example/hello:2");
    }

    @Test
    void aSplitMakesTheOldRevisionsDeploymentFromItsKeptTemplateATagServiceAndKeepsThePublicServiceProxied() {
        threeRevisions("hello");
        update("hello", f -> f.getSpec().setTraffic(List.of(entry("hello-00001", 90, null), latest(10, "next"))));

        assertThat(deployments()).containsExactlyInAnyOrder("hello", "hello-00001");
        assertThat(image("hello-00001")).isEqualTo("registry.example/hello:1");
        assertThat(image("hello")).isEqualTo("registry.example/hello:2");
        Service tag = client.services().inNamespace(NS).withName("next-hello").get();
        assertThat(tag).isNotNull();
        assertThat(tag.getMetadata().getLabels())
                .containsEntry(Labels.TAG, "next")
                .containsEntry(Labels.REVISION_OF, "hello");
        assertThat(tag.getMetadata().getAnnotations()).containsEntry(Labels.MODE, "proxy");
        assertThat(service("hello").getMetadata().getAnnotations()).containsEntry(Labels.MODE, "proxy");
        assertThat(client.services()
                        .inNamespace(NS)
                        .withName("hello-00001-private")
                        .get())
                .isNotNull();
        RevisionRoutes.Result r = reconciler.routes(NS, "hello");
        assertThat(r.split()).isTrue();
        assertThat(r.latestServing()).isTrue();
        assertThat(r.revisions()).extracting(w -> w.function().name()).containsExactly("hello-00001");
        assertThat(r.tags()).extracting(w -> w.function().name()).containsExactly("next-hello");
    }

    @Test
    void aRollbackRebuildsTheOldRevisionFromItsKeptTemplateAndScalesTheLatestToZero() {
        threeRevisions("hello");
        client.apps().deployments().inNamespace(NS).withName("hello").edit(d -> {
            d.getSpec().setReplicas(2);
            return d;
        });

        update("hello", f -> f.getSpec().setTraffic(List.of(entry("hello-00001", 100, null))));

        assertThat(image("hello-00001")).isEqualTo("registry.example/hello:1");
        assertThat(env("hello-00001")).doesNotContain("GREETING");
        assertThat(deployment("hello-00001").getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment("hello").getSpec().getReplicas()).isZero();
        assertThat(reconciler.routes(NS, "hello").latestServing()).isFalse();
        assertThat(get("hello").getStatus().getConditions())
                .noneMatch(c ->
                        c.getType().equals(Conditions.FAILED) && c.getStatus().equals("True"));
    }

    @Test
    void aZeroPercentUntaggedRevisionGoesToZeroWithoutTouchingTheOther() {
        threeRevisions("hello");
        update("hello", f -> f.getSpec().setTraffic(List.of(entry("hello-00001", 50, null), latest(50, null))));
        Pod old = client.resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("hello-00001-abc")
                        .withNamespace(NS)
                        .withLabels(Map.of(Labels.FUNCTION, "hello-00001", Labels.POOL, Labels.ACTIVE))
                        .endMetadata()
                        .build())
                .create();
        Deployment before = deployment("hello");

        update("hello", f -> f.getSpec().setTraffic(List.of(entry("hello-00001", 0, null), latest(100, null))));

        assertThat(deployments()).containsExactly("hello");
        assertThat(client.pods()
                        .inNamespace(NS)
                        .withName(old.getMetadata().getName())
                        .get())
                .isNull();
        Deployment after = deployment("hello");
        assertThat(after.getSpec().getReplicas()).isEqualTo(before.getSpec().getReplicas());
        assertThat(after.getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
        assertThat(reconciler.routes(NS, "hello").split()).isFalse();
    }

    @Test
    void aDroppedTagLosesItsService() {
        threeRevisions("hello");
        update("hello", f -> f.getSpec().setTraffic(List.of(latest(100, "next"))));
        assertThat(service("next-hello")).isNotNull();

        update("hello", f -> f.getSpec().setTraffic(List.of(latest(100, null))));

        assertThat(service("next-hello")).isNull();
    }

    static FunctionTraffic entry(String revision, int percent, String tag) {
        FunctionTraffic t = new FunctionTraffic();
        t.setRevisionName(revision);
        t.setPercent(percent);
        t.setTag(tag);
        return t;
    }

    static FunctionTraffic latest(int percent, String tag) {
        FunctionTraffic t = new FunctionTraffic();
        t.setLatestRevision(true);
        t.setPercent(percent);
        t.setTag(tag);
        return t;
    }

    private List<String> deployments() {
        return client.apps().deployments().inNamespace(NS).list().getItems().stream()
                .map(d -> d.getMetadata().getName())
                .toList();
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private String image(String deployment) {
        return deployment(deployment)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    private List<String> env(String deployment) {
        return deployment(deployment).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .map(e -> e.getName())
                .toList();
    }

    private Service service(String name) {
        return client.services().inNamespace(NS).withName(name).get();
    }

    /** Changes the spec as a user's update does (see RevisionStatusTest), then reconciles. */
    private void update(String name, Consumer<Function> change) {
        Function f = get(name);
        var status = f.getStatus();
        f.setStatus(null);
        change.accept(f);
        Function updated = client.resource(f).update();
        updated.setStatus(status);
        assertThat(reconciler.reconcile(updated)).isPresent();
    }

    private Function get(String name) {
        return client.resources(Function.class).inNamespace(NS).withName(name).get();
    }
}
