package dev.quiver.kubernetes.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.kubernetes.DeployDir;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Knative's PingSource, KafkaSource and KafkaSink resources (Knative's doc examples, unchanged) on the mock API
 * server with deploy/overlays/knative-eventing-api/sources-crds.yaml: sink references resolved in the namespace and
 * applied to the broker, its status (or the reason it is not Ready) written back.
 */
@QuarkusTest
@WithKubernetesTestServer
class SourceReconcilerTest {
    @Inject
    KubernetesClient client;

    FakeEventingBroker broker;
    SourceReconciler reconciler;
    String ns;
    static int run;

    @BeforeEach
    void setUp() throws Exception {
        try (InputStream in =
                Files.newInputStream(DeployDir.get().resolve("overlays/knative-eventing-api/sources-crds.yaml"))) {
            for (HasMetadata crd : client.load(in).items()) {
                client.resource((CustomResourceDefinition) crd).createOr(r -> r.update());
            }
        }
        ns = "src" + (++run);
        broker = new FakeEventingBroker();
        reconciler = new SourceReconciler(
                client,
                new BrokerAdminClient(broker.uri(), Duration.ofSeconds(5)),
                new ClusterDestinations(client),
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    @Test
    void theCrdsDefineKnativesKinds() {
        for (SourceKinds kind : SourceKinds.values()) {
            assertThat(client.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .withName(kind.crdName())
                            .get())
                    .as(kind.crdName())
                    .isNotNull();
        }
    }

    @Test
    void knativesPingSourceExampleIsSentWithItsServiceResolvedAndGetsTheBrokersStatus() throws Exception {
        client.resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("event-display")
                        .withNamespace(ns)
                        .endMetadata()
                        .build())
                .create();
        GenericKubernetesResource ping = create(SourceKinds.PING_SOURCE, "pingsource.yaml");
        reconciler.reconcile(SourceKinds.PING_SOURCE, ping);

        assertThat(broker.requests)
                .as("status %s", status(SourceKinds.PING_SOURCE, "test-ping-source"))
                .singleElement()
                .asString()
                .startsWith("POST /admin/v1/pingsources ")
                .contains("\"schedule\":\"*/2 * * * *\"")
                .contains("\"sink\":{\"uri\":\"http://event-display." + ns + ".svc.cluster.local\"}");
        Map<String, Object> status = status(SourceKinds.PING_SOURCE, "test-ping-source");
        assertThat(status.get("sinkUri")).isEqualTo("http://event-display." + ns + ".svc.cluster.local");
        assertThat(ready(status)).containsEntry("status", "True");
    }

    @Test
    void aSinkThatDoesNotExistIsNotSentAndNotReady() throws Exception {
        GenericKubernetesResource ping = create(SourceKinds.PING_SOURCE, "pingsource.yaml");

        reconciler.reconcile(SourceKinds.PING_SOURCE, ping);

        assertThat(broker.requests).isEmpty();
        Map<String, Object> ready = ready(status(SourceKinds.PING_SOURCE, "test-ping-source"));
        assertThat(ready).containsEntry("status", "False").containsEntry("reason", "SinkNotFound");
        assertThat((String) ready.get("message")).contains("spec.sink.ref: no Service 'event-display'");
    }

    @Test
    void theBrokersRefusalNamesTheField() throws Exception {
        broker.refuseStatus = 400;
        broker.refuseBody = "{\"status\":400,\"error\":\"spec.topics: at least one topic is required\"}";
        GenericKubernetesResource sink = create(SourceKinds.KAFKA_SINK, "kafkasink.yaml");

        reconciler.reconcile(SourceKinds.KAFKA_SINK, sink);

        Map<String, Object> ready = ready(status(SourceKinds.KAFKA_SINK, "my-kafka-sink"));
        assertThat(ready).containsEntry("status", "False").containsEntry("reason", "InvalidSpec");
        assertThat(ready.get("message")).isEqualTo("spec.topics: at least one topic is required");
    }

    @Test
    void brokerAndKafkaSinkReferencesAreLeftToTheBroker() throws Exception {
        GenericKubernetesResource source = client.genericKubernetesResources(SourceKinds.KAFKA_SOURCE.context())
                .inNamespace(ns)
                .resource(Serialization.unmarshal("""
                        apiVersion: sources.knative.dev/v1beta1
                        kind: KafkaSource
                        metadata:
                          name: orders
                        spec:
                          topics: [orders]
                          sink:
                            ref: {apiVersion: eventing.knative.dev/v1, kind: Broker, name: default}
                          delivery:
                            deadLetterSink:
                              ref: {apiVersion: eventing.knative.dev/v1alpha1, kind: KafkaSink, name: dls}
                        """, GenericKubernetesResource.class))
                .create();

        reconciler.reconcile(SourceKinds.KAFKA_SOURCE, source);

        assertThat(broker.requests)
                .singleElement()
                .asString()
                .startsWith("POST /admin/v1/kafkasources ")
                .contains("\"sink\":{\"ref\":{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Broker\"")
                .contains("\"kind\":\"KafkaSink\",\"name\":\"dls\"");
        assertThat(reconciler.delete(SourceKinds.KAFKA_SOURCE, source)).isTrue();
        assertThat(broker.requests).last().asString().startsWith("DELETE /admin/v1/kafkasources/orders");
    }

    @Test
    void theControllerAppliesResourcesAsTheyAreCreatedAndRemovesThemOnDelete() throws Exception {
        try (SourcesController controller = new SourcesController(
                client, new BrokerAdminClient(broker.uri(), Duration.ofSeconds(5)), Clock.systemUTC())) {
            assertThat(controller.start(ns, 0)).containsExactly(SourceKinds.values());
            GenericKubernetesResource sink = create(SourceKinds.KAFKA_SINK, "kafkasink.yaml");
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> broker.requests.stream().anyMatch(r -> r.startsWith("POST /admin/v1/kafkasinks ")));
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> status(SourceKinds.KAFKA_SINK, "my-kafka-sink") != null);
            assertThat(ready(status(SourceKinds.KAFKA_SINK, "my-kafka-sink"))).containsEntry("status", "True");

            client.genericKubernetesResources(SourceKinds.KAFKA_SINK.context())
                    .inNamespace(ns)
                    .resource(sink)
                    .delete();
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> broker.requests.contains("DELETE /admin/v1/kafkasinks/my-kafka-sink "));
            // the status write did not send it again
            assertThat(broker.requests.stream().filter(r -> r.startsWith("POST")))
                    .hasSize(1);
        }
    }

    private GenericKubernetesResource create(SourceKinds kind, String example) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/knative/" + example)) {
            GenericKubernetesResource r = Serialization.unmarshal(in, GenericKubernetesResource.class);
            return client.genericKubernetesResources(kind.context())
                    .inNamespace(ns)
                    .resource(r)
                    .create();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(SourceKinds kind, String name) {
        GenericKubernetesResource r = client.genericKubernetesResources(kind.context())
                .inNamespace(ns)
                .withName(name)
                .get();
        return (Map<String, Object>) r.getAdditionalProperties().get("status");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ready(Map<String, Object> status) {
        assertThat(status).as("status").isNotNull();
        return ((List<Map<String, Object>>) status.get("conditions"))
                .stream().filter(c -> "Ready".equals(c.get("type"))).findFirst().orElseThrow();
    }
}
