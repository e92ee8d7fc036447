package dev.quiver.kubernetes.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.controller.Conditions;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.resource.Broker;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broker resources become the broker Deployment's served names (ConfigMap + rolling annotation) and a status. */
@QuarkusTest
@WithKubernetesTestServer
class BrokerReconcilerTest {
    @Inject
    KubernetesClient client;

    BrokerReconciler reconciler;
    String ns;
    static int run;

    @BeforeEach
    void setUp() throws Exception {
        new MockCluster(client).installCrds();
        ns = "br" + (++run);
        reconciler = new BrokerReconciler(
                client, "quiver-broker", "quiver-brokers", Clock.fixed(MockCluster.NOW, ZoneOffset.UTC));
    }

    @Test
    void brokersAreWrittenAsTheServedNamesAndRollTheBrokerDeployment() {
        brokerDeployment();
        create("orders", null);
        create("default", null);

        reconciler.reconcile(ns);

        assertThat(namesInConfigMap()).isEqualTo("default,orders");
        assertThat(annotation()).isEqualTo("default,orders");
        Broker orders = get("orders");
        assertThat(orders.getStatus().getUrl()).isEqualTo("http://quiver-broker." + ns + ".svc.cluster.local/orders");
        assertThat(condition(orders, Conditions.READY)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("RollingOut");
        });
        assertThat(condition(orders, Conditions.FAILED).getStatus()).isEqualTo("False");
    }

    @Test
    void aBrokerIsReadyOnceTheDeploymentServingItRolledOut() {
        brokerDeployment();
        create("default", null);
        reconciler.reconcile(ns);

        rolledOut();
        reconciler.reconcile(ns);
        assertThat(get("default").getStatus().getConditions())
                .extracting(Condition::getType)
                .containsExactly(Conditions.READY, Conditions.FAILED);

        assertThat(condition(get("default"), Conditions.READY)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("Serving");
            assertThat(c.getMessage()).contains("quiver-broker-default");
        });
    }

    @Test
    void anInvalidBrokerFailsNamingTheFieldAndIsNotServed() {
        brokerDeployment();
        create("default", null);
        create("admin", null);
        create("orders", "my-orders");

        reconciler.reconcile(ns);

        assertThat(namesInConfigMap()).isEqualTo("default");
        assertThat(condition(get("admin"), Conditions.FAILED)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("InvalidSpec");
            assertThat(c.getMessage()).startsWith("metadata.name: must not be admin or q");
        });
        assertThat(condition(get("orders"), Conditions.FAILED).getMessage())
                .startsWith("spec.topic: must be quiver-broker-orders")
                .endsWith("was \"my-orders\"");
        assertThat(get("orders").getStatus().getUrl()).isNull();
    }

    @Test
    void aDeletedBrokerIsNoLongerServedAndAnUnchangedSetDoesNotRollAgain() {
        brokerDeployment();
        create("default", null);
        create("orders", null);
        reconciler.reconcile(ns);
        String version = deployment().getMetadata().getResourceVersion();

        reconciler.reconcile(ns);
        assertThat(deployment().getMetadata().getResourceVersion()).isEqualTo(version);

        client.resources(Broker.class).inNamespace(ns).withName("orders").delete();
        reconciler.reconcile(ns);

        assertThat(namesInConfigMap()).isEqualTo("default");
        assertThat(annotation()).isEqualTo("default");
    }

    @Test
    void withoutTheBrokerDeploymentTheNamesAreWrittenAndTheBrokerSaysWhatIsMissing() {
        create("default", null);

        reconciler.reconcile(ns);

        assertThat(namesInConfigMap()).isEqualTo("default");
        assertThat(condition(get("default"), Conditions.READY)).satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("BrokerDeploymentMissing");
            assertThat(c.getMessage()).contains("quiver-broker", ns);
        });
    }

    private void brokerDeployment() {
        client.resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("quiver-broker")
                        .withNamespace(ns)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewSelector()
                        .addToMatchLabels("app", "b")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "b")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("broker")
                        .withImage("quiver/broker")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
    }

    private void rolledOut() {
        Deployment d = deployment();
        long generation =
                d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        d.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(generation)
                .withReplicas(1)
                .withUpdatedReplicas(1)
                .withAvailableReplicas(1)
                .build());
        client.apps().deployments().inNamespace(ns).resource(d).updateStatus();
    }

    private Deployment deployment() {
        return client.apps()
                .deployments()
                .inNamespace(ns)
                .withName("quiver-broker")
                .get();
    }

    private String annotation() {
        return deployment()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(BrokerReconciler.NAMES_ANNOTATION);
    }

    private String namesInConfigMap() {
        ConfigMap c =
                client.configMaps().inNamespace(ns).withName("quiver-brokers").get();
        return c.getData().get(BrokerReconciler.NAMES_KEY);
    }

    private void create(String name, String topic) {
        Broker b = BrokerNamesTest.broker(name, topic);
        b.getMetadata().setNamespace(ns);
        client.resource(b).create();
    }

    private Broker get(String name) {
        return client.resources(Broker.class).inNamespace(ns).withName(name).get();
    }

    private static Condition condition(Broker b, String type) {
        return Conditions.find(b.getStatus().getConditions(), type);
    }
}
