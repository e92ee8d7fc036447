package dev.quiver.kubernetes.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.controller.Conditions;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.resource.Broker;
import dev.quiver.kubernetes.resource.Trigger;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trigger resources configure the broker's admin API; the outcome lands in the Trigger's status. */
@QuarkusTest
@WithKubernetesTestServer
class TriggerReconcilerTest {
    @Inject
    KubernetesClient client;

    FakeBroker broker;
    TriggerReconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        new MockCluster(client).installCrds();
        if (client.resources(Broker.class).inNamespace("ev").withName("default").get() == null) {
            client.resource(BrokerNamesTest.broker("default", null)).inNamespace("ev").create();
        }
        broker = new FakeBroker();
        reconciler = new TriggerReconciler(client, new BrokerAdmin(broker.uri(), Duration.ofSeconds(5)),
                Clock.fixed(MockCluster.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    @Test
    void aTriggerIsSentToTheBrokerAndReportedReady() {
        Trigger t = client.resource(Triggers.of("greet", "  subscriber: {function: hello}\n")).create();

        reconciler.reconcile(t);

        assertThat(broker.requests).singleElement().asString().startsWith("POST /admin/v1/triggers ")
                .contains("\"uri\":\"http://hello.ev.svc.cluster.local/\"");
        Trigger after = client.resources(Trigger.class).inNamespace("ev").withName("greet").get();
        assertThat(after.getStatus().getSubscriberUri()).isEqualTo("http://hello.ev.svc.cluster.local/");
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.READY).getStatus()).isEqualTo("True");
    }

    @Test
    void theBrokersRefusalBecomesAFailedConditionWithItsMessage() {
        broker.status = 400;
        broker.body = "{\"status\":400,\"error\":\"spec.filters[0].cesql: invalid CloudEvents SQL\"}";
        Trigger t = client.resource(Triggers.of("badsql",
                "  filters: [{cesql: \"type = \"}]\n  subscriber: {uri: 'http://x.example/'}\n")).create();

        reconciler.reconcile(t);

        Trigger after = client.resources(Trigger.class).inNamespace("ev").withName("badsql").get();
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.FAILED).getMessage())
                .contains("spec.filters[0].cesql");
    }

    @Test
    void anInvalidTriggerIsNotSent() {
        Trigger t = client.resource(Triggers.of("nosub", "  broker: default\n  subscriber: {}\n")).create();

        reconciler.reconcile(t);

        assertThat(broker.requests).isEmpty();
        Trigger after = client.resources(Trigger.class).inNamespace("ev").withName("nosub").get();
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.FAILED).getMessage())
                .startsWith("spec.subscriber: must name exactly one of function, uri");
    }

    @Test
    void aTriggerWhoseBrokerHasNoBrokerResourceFailsWithBrokerNotFoundAndIsNotSent() {
        Trigger t = client.resource(Triggers.of("orphan", "  broker: nosuch\n  subscriber: {uri: 'http://x.example/'}\n"))
                .create();

        reconciler.reconcile(t);

        assertThat(broker.requests).isEmpty();
        Trigger after = client.resources(Trigger.class).inNamespace("ev").withName("orphan").get();
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.FAILED)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("BrokerNotFound");
            assertThat(c.getMessage()).startsWith("spec.broker: no Broker resource 'nosuch' in namespace ev");
        });
    }

    @Test
    void anExistingTriggerIsReplaced() {
        broker.status = 409;
        Trigger t = client.resource(Triggers.of("again", "  subscriber: {uri: 'http://x.example/'}\n")).create();

        reconciler.reconcile(t);

        assertThat(broker.requests).extracting(r -> r.substring(0, r.indexOf(' ', 7)))
                .containsExactly("POST /admin/v1/triggers", "DELETE /admin/v1/triggers/again",
                        "POST /admin/v1/triggers");
    }
}
