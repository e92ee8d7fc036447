package dev.quiver.kubernetes.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.eventing.Condition;
import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.kubernetes.DeployDir;
import dev.quiver.kubernetes.resource.KnativeBroker;
import dev.quiver.kubernetes.resource.KnativeTrigger;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Knative's own example Broker and Trigger (src/test/resources/knative, origins in each file), created unchanged in
 * the mock API server with the CRDs of deploy/overlays/knative-eventing-api, reconciled like Quiver's: Destinations
 * resolved to Service URLs, applied to the broker, Knative status written back.
 */
@QuarkusTest
@WithKubernetesTestServer
class KnativeReconcilerTest {
    static final String NS = "kn";
    static final Executor NOW = Runnable::run;

    @Inject
    KubernetesClient client;

    FakeBroker broker;
    KnativeReconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        installOverlayCrds();
        broker = new FakeBroker();
        reconciler = new KnativeReconciler(
                client, new BrokerAdminClient(broker.uri(), Duration.ofSeconds(5)), "quiver-broker");
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    void installOverlayCrds() throws Exception {
        try (InputStream in = Files.newInputStream(
                DeployDir.get().resolve("overlays/knative-eventing-api/brokers-triggers-crds.yaml"))) {
            for (HasMetadata crd : client.load(in).items()) {
                client.resource((CustomResourceDefinition) crd).createOr(r -> r.update());
            }
        }
    }

    <T extends HasMetadata> T create(String resource, Class<T> type) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/knative/" + resource)) {
            T r = client.getKubernetesSerialization().unmarshal(in, type);
            client.resources(type)
                    .inNamespace(NS)
                    .withName(r.getMetadata().getName())
                    .delete();
            return client.resources(type).inNamespace(NS).resource(r).create();
        }
    }

    <T extends HasMetadata> T read(Class<T> type, String name) {
        return client.resources(type).inNamespace(NS).withName(name).get();
    }

    @Test
    void knativesBrokerExampleIsAppliedWithItsDeadLetterSinkResolvedAndAnswersItsAddress() throws Exception {
        KnativeBroker b = create("broker-dead-letter.yaml", KnativeBroker.class);

        reconciler.reconcile(b);

        var sent = new ObjectMapper().readTree(broker.brokers.get("default"));
        assertThat(sent.at("/apiVersion").asText()).isEqualTo("eventing.knative.dev/v1");
        assertThat(sent.at("/spec/delivery/deadLetterSink/uri").asText())
                .isEqualTo("http://dlq-service.kn.svc.cluster.local");
        KnativeBroker after = read(KnativeBroker.class, "default");
        assertThat(after.getStatus().getAddress().url()).isEqualTo("http://quiver-broker.kn.svc.cluster.local/default");
        assertThat(KnativeReconciler.ready(after))
                .get()
                .extracting(Condition::status)
                .isEqualTo("True");
    }

    @Test
    void knativesFilteredTriggerExampleGoesToTheBrokerWithItsServiceResolved() throws Exception {
        KnativeTrigger t = create("trigger-filter-attributes.yaml", KnativeTrigger.class);

        reconciler.reconcile(t);

        var sent = broker.triggers.get("my-service-trigger");
        assertThat(sent.isKnative()).isTrue();
        assertThat(sent.spec().subscriber().uri()).isEqualTo("http://my-service.kn.svc.cluster.local");
        assertThat(sent.spec().filter().attributes())
                .containsEntry("type", "dev.knative.foo.bar")
                .containsEntry("myextension", "my-extension-value");
        KnativeTrigger after = read(KnativeTrigger.class, "my-service-trigger");
        assertThat(after.getStatus().getSubscriberUri()).isEqualTo("http://my-service.kn.svc.cluster.local");
        assertThat(KnativeReconciler.ready(after))
                .get()
                .extracting(Condition::status)
                .isEqualTo("True");
    }

    @Test
    void aRefWithARelativeUriIsResolvedAgainstTheServicesAddress() throws Exception {
        KnativeTrigger t = create("trigger-service-uri.yaml", KnativeTrigger.class);

        reconciler.reconcile(t);

        assertThat(broker.triggers.get("my-service-trigger").spec().subscriber().uri())
                .isEqualTo("http://my-service.kn.svc.cluster.local/my-custom-path");
    }

    @Test
    void theBrokersRefusalIsTheReadyConditionsReasonAndMessage() throws Exception {
        broker.refuseStatus = 400;
        broker.refuseBody = "{\"status\":400,\"error\":\"spec.broker: unknown broker 'default'\"}";
        KnativeTrigger t = create("trigger-service-uri.yaml", KnativeTrigger.class);

        reconciler.reconcile(t);

        assertThat(KnativeReconciler.ready(read(KnativeTrigger.class, "my-service-trigger")))
                .get()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("False");
                    assertThat(c.reason()).isEqualTo("InvalidSpec");
                    assertThat(c.message()).isEqualTo("spec.broker: unknown broker 'default'");
                });
    }

    @Test
    void withoutTheCrdsNothingIsWatchedAndWithThemBothKindsAre() throws Exception {
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(KnativeBroker.CRD)
                .delete();
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(KnativeTrigger.CRD)
                .delete();

        assertThat(KnativeInformers.start(client, reconciler, NS, 0, NOW)).isEmpty();

        installOverlayCrds();
        List<SharedIndexInformer<?>> informers = KnativeInformers.start(client, reconciler, NS, 0, NOW);
        try {
            assertThat(informers).hasSize(2);
        } finally {
            informers.forEach(SharedIndexInformer::close);
        }
    }

    @Test
    void aWatchedTriggerIsReconciledWhenCreated() throws Exception {
        List<SharedIndexInformer<?>> informers = KnativeInformers.start(client, reconciler, NS, 0, NOW);
        try {
            create("trigger-filter-attributes.yaml", KnativeTrigger.class);

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> KnativeReconciler.ready(read(KnativeTrigger.class, "my-service-trigger"))
                            .isPresent());
            assertThat(broker.triggers).containsKey("my-service-trigger");
        } finally {
            informers.forEach(SharedIndexInformer::close);
        }
    }

    @Test
    void aTriggerRefusedBeforeItsBrokerExistedIsAppliedWhenTheBrokerIs() throws Exception {
        broker.requireBroker = true;
        client.resources(KnativeBroker.class)
                .inNamespace(NS)
                .withName("default")
                .delete();
        List<SharedIndexInformer<?>> informers = KnativeInformers.start(client, reconciler, NS, 0, NOW);
        try {
            create("trigger-filter-attributes.yaml", KnativeTrigger.class);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> KnativeReconciler.ready(read(KnativeTrigger.class, "my-service-trigger"))
                            .filter(c -> "False".equals(c.status()))
                            .isPresent());

            create("broker-dead-letter.yaml", KnativeBroker.class);

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> KnativeReconciler.ready(read(KnativeTrigger.class, "my-service-trigger"))
                            .filter(Condition::isTrue)
                            .isPresent());
            assertThat(broker.triggers).containsKey("my-service-trigger");
            assertThat(read(KnativeTrigger.class, "my-service-trigger")
                            .getStatus()
                            .getConditions())
                    .singleElement()
                    .extracting(Condition::status)
                    .isEqualTo("True");
        } finally {
            informers.forEach(SharedIndexInformer::close);
        }
    }
}
