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
            client.resource(BrokerNamesTest.broker("default", null))
                    .inNamespace("ev")
                    .create();
        }
        broker = new FakeBroker();
        reconciler = new TriggerReconciler(
                client,
                new BrokerAdmin(broker.uri(), Duration.ofSeconds(5)),
                Clock.fixed(MockCluster.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    @Test
    void aTriggerIsSentToTheBrokerAndReportedReady() {
        Trigger t = client.resource(Triggers.of("greet", "  subscriber: {function: hello}\n"))
                .create();

        reconciler.reconcile(t);

        assertThat(broker.requests)
                .singleElement()
                .asString()
                .startsWith("POST /admin/v1/triggers ")
                .contains("\"uri\":\"http://hello.ev.svc.cluster.local/\"");
        Trigger after = client.resources(Trigger.class)
                .inNamespace("ev")
                .withName("greet")
                .get();
        assertThat(after.getStatus().getSubscriberUri()).isEqualTo("http://hello.ev.svc.cluster.local/");
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.READY)
                        .getStatus())
                .isEqualTo("True");
    }

    @Test
    void theBrokersRefusalBecomesAFailedConditionWithItsMessage() {
        broker.refuseStatus = 400;
        broker.refuseBody = "{\"status\":400,\"error\":\"spec.filters[0].cesql: invalid CloudEvents SQL\"}";
        Trigger t = client.resource(Triggers.of(
                        "badsql", "  filters: [{cesql: \"type = \"}]\n  subscriber: {uri: 'http://x.example/'}\n"))
                .create();

        reconciler.reconcile(t);

        Trigger after = client.resources(Trigger.class)
                .inNamespace("ev")
                .withName("badsql")
                .get();
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.FAILED)
                        .getMessage())
                .isEqualTo("spec.filters[0].cesql: invalid CloudEvents SQL");
    }

    @Test
    void anUnreachableBrokerIsUnavailableNamingTheBroker() {
        broker.refuseStatus = 503;
        broker.refuseBody = "restarting";
        Trigger t = client.resource(Triggers.of("later", "  subscriber: {uri: 'http://x.example/'}\n"))
                .create();

        reconciler.reconcile(t);

        Trigger after = client.resources(Trigger.class)
                .inNamespace("ev")
                .withName("later")
                .get();
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.READY))
                .satisfies(c -> {
                    assertThat(c.getReason()).isEqualTo("BrokerUnavailable");
                    assertThat(c.getMessage())
                            .isEqualTo("broker " + broker.uri() + ": create trigger 'later' answered 503: "
                                    + "restarting");
                });
    }

    @Test
    void aStructurallyBadFilterIsNotSent() {
        Trigger t = client.resource(
                        Triggers.of("badfilter", "  filters: [{regex: x}]\n  subscriber: {uri: 'http://x.example/'}\n"))
                .create();

        reconciler.reconcile(t);

        assertThat(broker.requests).isEmpty();
        Trigger after = client.resources(Trigger.class)
                .inNamespace("ev")
                .withName("badfilter")
                .get();
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.FAILED)
                        .getMessage())
                .startsWith("spec.filters[0]: has an unknown dialect");
    }

    @Test
    void anInvalidTriggerIsNotSent() {
        Trigger t = client.resource(Triggers.of("nosub", "  broker: default\n  subscriber: {}\n"))
                .create();

        reconciler.reconcile(t);

        assertThat(broker.requests).isEmpty();
        Trigger after = client.resources(Trigger.class)
                .inNamespace("ev")
                .withName("nosub")
                .get();
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.FAILED)
                        .getMessage())
                .startsWith("spec.subscriber: must name exactly one of function, uri");
    }

    @Test
    void aTriggerWhoseBrokerHasNoBrokerResourceFailsWithBrokerNotFoundAndIsNotSent() {
        Trigger t = client.resource(
                        Triggers.of("orphan", "  broker: nosuch\n  subscriber: {uri: 'http://x.example/'}\n"))
                .create();

        reconciler.reconcile(t);

        assertThat(broker.requests).isEmpty();
        Trigger after = client.resources(Trigger.class)
                .inNamespace("ev")
                .withName("orphan")
                .get();
        assertThat(Conditions.find(after.getStatus().getConditions(), Conditions.FAILED))
                .satisfies(c -> {
                    assertThat(c.getStatus()).isEqualTo("True");
                    assertThat(c.getReason()).isEqualTo("BrokerNotFound");
                    assertThat(c.getMessage()).startsWith("spec.broker: no Broker resource 'nosuch' in namespace ev");
                });
    }

    @Test
    void anUnchangedTriggerIsLeftAloneOnTheNextReconcile() {
        Trigger t = client.resource(Triggers.of("again", "  subscriber: {uri: 'http://x.example/'}\n"))
                .create();
        reconciler.reconcile(t);
        broker.requests.clear();

        reconciler.reconcile(t);

        assertThat(broker.requests)
                .extracting(r -> r.substring(0, r.indexOf(' ', 7)))
                .containsExactly("POST /admin/v1/triggers", "GET /admin/v1/triggers/again");
    }

    @Test
    void aChangedTriggerIsReplaced() {
        Trigger t = client.resource(Triggers.of("changed", "  subscriber: {uri: 'http://x.example/'}\n"))
                .create();
        reconciler.reconcile(t);
        broker.requests.clear();

        reconciler.reconcile(Triggers.of("changed", "  subscriber: {uri: 'http://y.example/'}\n"));

        assertThat(broker.requests)
                .extracting(r -> r.substring(0, r.indexOf(' ', 7)))
                .containsExactly(
                        "POST /admin/v1/triggers",
                        "GET /admin/v1/triggers/changed",
                        "DELETE /admin/v1/triggers/changed",
                        "POST /admin/v1/triggers");
        assertThat(broker.triggers.get("changed").spec().subscriber().uri()).isEqualTo("http://y.example/");
    }
}
