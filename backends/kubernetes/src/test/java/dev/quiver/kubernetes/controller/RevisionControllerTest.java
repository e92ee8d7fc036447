package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The running controller (informers, the shared loop) on the mock API server (CRUD mode): a split hands the old
 * revision to the loop as a function of its own with its Deployment and the tag its Service; putting all traffic
 * back on the latest takes the revision out of the loop and removes its objects.
 */
@QuarkusTest
@WithKubernetesTestServer
@TestProfile(ControllerOnProfile.class)
class RevisionControllerTest {
    static final String NS = "live";
    static final Duration LONG = Duration.ofSeconds(60);

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/quiver/poke/")
    URL poke;

    @Test
    void aSplitRunsTheOldRevisionInTheLoopAndTakingItAwayRemovesIt() throws Exception {
        MockCluster.withCrdsAndNoActivators(client);
        client.resource(Functions.of("canary", NS, Map.of("warmPool", 0))).create();
        await().atMost(LONG).until(() -> "canary-00001".equals(latest()));

        edit(f -> {
            f.getSpec().setImage("registry.example/canary:2");
            return f;
        });
        await().atMost(LONG).until(() -> "canary-00002".equals(latest()));

        edit(f -> {
            f.getSpec()
                    .setTraffic(List.of(
                            RevisionDeploymentsTest.entry("canary-00001", 90, null),
                            RevisionDeploymentsTest.latest(10, "next")));
            return f;
        });
        await().atMost(LONG).untilAsserted(() -> {
            assertThat(deployment("canary-00001")).isNotNull();
            assertThat(client.services().inNamespace(NS).withName("next-canary").get())
                    .isNotNull();
            assertThat(post("live/canary-00001"))
                    .as("the revision runs in the loop")
                    .isEqualTo(202);
        });
        assertThat(deployment("canary-00001")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("registry.example/canary:1");

        edit(f -> {
            f.getSpec().setTraffic(List.of(RevisionDeploymentsTest.latest(100, null)));
            return f;
        });
        await().atMost(LONG).untilAsserted(() -> {
            assertThat(deployment("canary-00001")).isNull();
            assertThat(client.services().inNamespace(NS).withName("next-canary").get())
                    .isNull();
            assertThat(post("live/canary-00001")).as("out of the loop").isEqualTo(404);
        });
        assertThat(post("live/canary")).isEqualTo(202);
    }

    @Test
    void aRolloutStartsOnANewRevisionAndTheControllerEndsItOnTheSpecsSplit() throws Exception {
        MockCluster.withCrdsAndNoActivators(client);
        Function created = Functions.of("rolling", NS, Map.of("warmPool", 0));
        created.getSpec().setRolloutDuration("20s");
        client.resource(created).create();
        await().atMost(LONG).until(() -> "rolling-00001".equals(latest("rolling")));

        edit("rolling", f -> {
            f.getSpec().setImage("registry.example/rolling:2");
            return f;
        });
        await().atMost(LONG).until(() -> "rolling-00002".equals(latest("rolling")));
        // the old revision serves while the share moves (from 1 % to the latest): its own Deployment until the end
        assertThat(rollout("rolling")).as("status.rollout recorded").isNotNull();
        await().atMost(LONG).until(() -> deployment("rolling-00001") != null);

        await().atMost(LONG).untilAsserted(() -> {
            assertThat(rollout("rolling")).isNull();
            assertThat(deployment("rolling-00001")).isNull();
        });
        Function f = client.resources(Function.class)
                .inNamespace(NS)
                .withName("rolling")
                .get();
        FunctionTraffic last =
                f.getStatus().getTraffic().get(f.getStatus().getTraffic().size() - 1);
        assertThat(last.getRevisionName()).isEqualTo("rolling-00002");
        assertThat(last.getPercent()).isEqualTo(100);
    }

    private Object rollout(String name) {
        Function f =
                client.resources(Function.class).inNamespace(NS).withName(name).get();
        return f == null || f.getStatus() == null ? null : f.getStatus().getRollout();
    }

    private String latest() {
        return latest("canary");
    }

    private String latest(String name) {
        Function f =
                client.resources(Function.class).inNamespace(NS).withName(name).get();
        return f == null || f.getStatus() == null ? null : f.getStatus().getLatestRevision();
    }

    private void edit(UnaryOperator<Function> change) {
        edit("canary", change);
    }

    private void edit(String name, UnaryOperator<Function> change) {
        client.resources(Function.class).inNamespace(NS).withName(name).edit(change);
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private int post(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(poke.toString() + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient()
                .send(req, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
