package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.workload.Labels;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The running controller: informer events drive reconciles and cleanup; the poke endpoint reaches the scaler. */
@QuarkusTest
@WithKubernetesTestServer
@TestProfile(ControllerOnProfile.class)
class FunctionControllerTest {
    static final String NS = "live";

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/quiver/poke/")
    URL poke;

    @Test
    void aFunctionIsReconciledWhenCreatedAndCleanedUpWhenDeleted() throws Exception {
        new MockCluster(client).installCrds();
        Function f = client.resource(Functions.of("watched", NS, Map.of("warmPool", 1, "minScale", 1))).create();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace(NS).withName("watched").get()).isNotNull();
            assertThat(client.pods().inNamespace(NS).withLabels(Labels.warm("watched")).list().getItems()).hasSize(1);
            Function now = client.resources(Function.class).inNamespace(NS).withName("watched").get();
            assertThat(now.getStatus().getUrl()).isEqualTo("http://watched.live.svc.cluster.local");
        });
        assertThat(post("live/watched")).isEqualTo(202);
        assertThat(post("live/unknown")).isEqualTo(404);

        client.resource(f).delete();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace(NS).withName("watched").get()).isNull();
            assertThat(client.services().inNamespace(NS).withLabels(Labels.function("watched")).list().getItems())
                    .isEmpty();
            assertThat(client.pods().inNamespace(NS).withLabels(Labels.function("watched")).list().getItems())
                    .isEmpty();
        });
    }

    private int post(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(poke.toString() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
