package dev.quiver.kubernetes.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.Conditions;
import dev.quiver.kubernetes.controller.FunctionTriggers;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.resource.Function;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The running controller makes a Function's broker trigger and removes it with the Function. */
@QuarkusTest
@WithKubernetesTestServer
@TestProfile(ControllerWithBrokerProfile.class)
class FunctionTriggerControllerTest {
    static final String NS = "live";

    @Inject
    KubernetesClient client;

    @Test
    void aFunctionWithABrokerTriggerGetsItAndLosesItWithTheFunction() throws Exception {
        new MockCluster(client).installCrds();
        client.resource(BrokerNamesTest.broker("default", null)).inNamespace(NS).createOr(r -> r.update());
        Function f = client.resource(Functions.fromYaml("""
                apiVersion: quiver.dev/v1alpha1
                kind: Function
                metadata: {name: subscribed, namespace: live}
                spec:
                  image: x
                  scale: {warmPool: 0}
                  triggers: {broker: {filters: [{exact: {type: order.created}}]}}
                """)).create();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Function now = client.resources(Function.class)
                    .inNamespace(NS)
                    .withName("subscribed")
                    .get();
            assertThat(now.getStatus()).isNotNull();
            Condition c = Conditions.find(now.getStatus().getConditions(), FunctionTriggers.BROKER_TRIGGER);
            assertThat(c).as("conditions %s", now.getStatus().getConditions()).isNotNull();
            assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True");
            assertThat(ControllerWithBrokerProfile.triggerNames()).contains("fn-subscribed");
        });
        assertThat(ControllerWithBrokerProfile.requests())
                .anyMatch(r -> r.startsWith("POST /admin/v1/triggers ")
                        && r.contains("\"name\":\"fn-subscribed\"")
                        && r.contains("\"uri\":\"http://subscribed.live.svc.cluster.local/\""))
                .as("resyncs leave the unchanged trigger alone")
                .noneMatch(r -> r.startsWith("DELETE /admin/v1/triggers/fn-subscribed"));

        client.resource(f).delete();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(ControllerWithBrokerProfile.triggerNames()).doesNotContain("fn-subscribed"));
    }
}
