package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.eventing.BrokerReconciler;
import dev.quiver.kubernetes.resource.Broker;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.Trigger;
import dev.quiver.kubernetes.workload.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
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
        Function f = client.resource(Functions.of("watched", NS, Map.of("warmPool", 1, "minScale", 1)))
                .create();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(client.apps()
                            .deployments()
                            .inNamespace(NS)
                            .withName("watched")
                            .get())
                    .isNotNull();
            assertThat(client.pods()
                            .inNamespace(NS)
                            .withLabels(Labels.warm("watched"))
                            .list()
                            .getItems())
                    .hasSize(1);
            Function now = client.resources(Function.class)
                    .inNamespace(NS)
                    .withName("watched")
                    .get();
            assertThat(now.getStatus().getUrl()).isEqualTo("http://watched.live.svc.cluster.local");
        });
        assertThat(post("live/watched")).isEqualTo(202);
        assertThat(post("live/unknown")).isEqualTo(404);

        client.resource(f).delete();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(client.apps()
                            .deployments()
                            .inNamespace(NS)
                            .withName("watched")
                            .get())
                    .isNull();
            assertThat(client.services()
                            .inNamespace(NS)
                            .withLabels(Labels.function("watched"))
                            .list()
                            .getItems())
                    .isEmpty();
            assertThat(client.pods()
                            .inNamespace(NS)
                            .withLabels(Labels.function("watched"))
                            .list()
                            .getItems())
                    .isEmpty();
        });
    }

    @Test
    void functionsInAListedNamespaceAreReconciledAndOthersIgnored() throws Exception {
        MockCluster cluster = MockCluster.withCrdsAndNoActivators(client);
        client.resource(Functions.of("ignored", "elsewhere", Map.of("minScale", 1)))
                .create();
        client.resource(Functions.of("remote", "team-a", Map.of("minScale", 1, "warmPool", 0)))
                .create();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(client.apps()
                            .deployments()
                            .inNamespace("team-a")
                            .withName("remote")
                            .get())
                    .isNotNull();
            assertThat(cluster.slice("team-a", "remote")).isNotNull();
            assertThat(post("team-a/remote")).as("its scaler runs").isEqualTo(202);
        });
        assertThat(post("elsewhere/ignored")).isEqualTo(404);
        assertThat(client.apps()
                        .deployments()
                        .inNamespace("elsewhere")
                        .withName("ignored")
                        .get())
                .isNull();
        assertThat(client.resources(Function.class)
                        .inNamespace("elsewhere")
                        .withName("ignored")
                        .get()
                        .getStatus()
                        .getUrl())
                .as("no status written")
                .isNull();

        // a new activator pod (in quiver) reaches the slice of a function in proxy mode through the pod informer
        String ip = cluster.activatorPod("act-live").getStatus().getPodIP();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(cluster.sliceTargets("team-a", "remote")).containsExactly(ip + ":8012"));
    }

    @Test
    void brokerResourcesAreWatchedAndTriggersOfAMissingBrokerFail() throws Exception {
        new MockCluster(client).installCrds();
        client.resource(Serialization.unmarshal(
                        "apiVersion: quiver.dev/v1alpha1\nkind: Broker\n"
                                + "metadata: {name: orders, namespace: live}\nspec: {}\n",
                        Broker.class))
                .create();
        client.resource(Serialization.unmarshal(
                        "apiVersion: quiver.dev/v1alpha1\nkind: Trigger\n"
                                + "metadata: {name: lost, namespace: live}\nspec: {broker: nosuch, subscriber: {function: hello}}\n",
                        Trigger.class))
                .create();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ConfigMap names = client.configMaps()
                    .inNamespace(NS)
                    .withName("quiver-brokers")
                    .get();
            assertThat(names).isNotNull();
            assertThat(names.getData()).containsEntry(BrokerReconciler.NAMES_KEY, "orders");
            Broker b = client.resources(Broker.class)
                    .inNamespace(NS)
                    .withName("orders")
                    .get();
            assertThat(b.getStatus().getUrl()).isEqualTo("http://quiver-broker.live.svc.cluster.local/orders");
            Trigger t = client.resources(Trigger.class)
                    .inNamespace(NS)
                    .withName("lost")
                    .get();
            assertThat(Conditions.find(t.getStatus().getConditions(), Conditions.FAILED))
                    .isNotNull()
                    .extracting(io.fabric8.kubernetes.api.model.Condition::getReason)
                    .isEqualTo("BrokerNotFound");
        });
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
