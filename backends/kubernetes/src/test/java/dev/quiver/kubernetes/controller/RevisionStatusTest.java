package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionRevision;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Function's revisions and traffic in its status, against the fabric8 mock API server in CRUD mode. */
@QuarkusTest
@WithKubernetesTestServer
class RevisionStatusTest {
    static final String NS = "rev";

    @Inject
    KubernetesClient client;

    FunctionReconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        reconciler = MockCluster.withCrdsAndNoActivators(client).reconciler();
    }

    @Test
    void aFunctionUpdatedTwiceListsThreeRevisionsAndItsTrafficGoesToTheLatest() {
        reconciler.reconcile(client.resource(Functions.of("hello", NS, Map.of("warmPool", 0)))
                .create());
        update("hello", f -> f.getSpec().setImage("registry.example/hello:2"));
        update("hello", f -> f.getSpec().setEnv(Map.of("GREETING", "hi")));
        update("hello", f -> f.getSpec().setScale(Map.of("warmPool", 0, "maxScale", 3)));

        var status = get("hello").getStatus();
        // the mock server's status merge patch appends lists (a real API server replaces them): distinct entries
        assertThat(status.getRevisions().stream().distinct().toList())
                .extracting(FunctionRevision::getName, FunctionRevision::getImage)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("hello-00001", "registry.example/hello:1"),
                        org.assertj.core.groups.Tuple.tuple("hello-00002", "registry.example/hello:2"),
                        org.assertj.core.groups.Tuple.tuple("hello-00003", "registry.example/hello:2"));
        assertThat(status.getLatestRevision()).isEqualTo("hello-00003");
        FunctionTraffic applied = status.getTraffic().get(status.getTraffic().size() - 1);
        assertThat(applied.getRevisionName()).isEqualTo("hello-00003");
        assertThat(applied.getPercent()).isEqualTo(100);
    }

    @Test
    void invalidTrafficFailsTheFunctionNamingTheKey() {
        Function f = Functions.of("split", NS, Map.of("warmPool", 0));
        FunctionTraffic half = new FunctionTraffic();
        half.setLatestRevision(true);
        half.setPercent(90);
        f.getSpec().setTraffic(List.of(half));

        assertThat(reconciler.reconcile(client.resource(f).create())).isEmpty();

        assertThat(Conditions.find(get("split").getStatus().getConditions(), Conditions.FAILED)
                        .getMessage())
                .contains("spec.traffic: percent must add up to 100, was 90");
    }

    /**
     * Changes the spec as a user's update does: without the status (a real API server ignores it on the main
     * resource; the mock server would merge the old one's lists into the next status patch).
     */
    private void update(String name, java.util.function.Consumer<Function> change) {
        Function f = get(name);
        var status = f.getStatus();
        f.setStatus(null);
        change.accept(f);
        Function updated = client.resource(f).update();
        updated.setStatus(status);
        reconciler.reconcile(updated);
    }

    private Function get(String name) {
        return client.resources(Function.class).inNamespace(NS).withName(name).get();
    }
}
