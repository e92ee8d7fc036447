package dev.quiver.kubernetes.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.Conditions;
import dev.quiver.kubernetes.controller.FunctionReconciler;
import dev.quiver.kubernetes.controller.FunctionTriggers;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.resource.Broker;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.scaling.ClusterReads;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Function's {@code triggers.broker} on Kubernetes, as on the local platform: the controller applies the broker
 * trigger {@code fn-<function>}, keeps it while unchanged, removes it with the function or the field, and reports it
 * in the Function's conditions.
 */
@QuarkusTest
@WithKubernetesTestServer
class FunctionBrokerTriggersTest {
    static final String NS = "fnev";
    /** Where the Broker resources are: the controller's namespace. */
    static final String BROKERS = "fnbrokers";

    @Inject
    KubernetesClient client;

    FakeBroker broker;
    FunctionReconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        MockCluster cluster = MockCluster.withCrdsAndNoActivators(client);
        if (client.resources(Broker.class)
                        .inNamespace(BROKERS)
                        .withName("default")
                        .get()
                == null) {
            client.resource(BrokerNamesTest.broker("default", null))
                    .inNamespace(BROKERS)
                    .create();
        }
        broker = new FakeBroker();
        FunctionBrokerTriggers triggers = new FunctionBrokerTriggers(
                new TriggerSender(client, new BrokerAdmin(broker.uri(), Duration.ofSeconds(5))), BROKERS);
        reconciler = new FunctionReconciler(
                client,
                cluster.applier(),
                Map.of(),
                Clock.fixed(MockCluster.NOW, ZoneOffset.UTC),
                triggers,
                ClusterReads.api(client));
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    @Test
    void aFunctionsBrokerTriggerIsSentWithTheFunctionAsSubscriberAndReportedReady() {
        reconcile(withTrigger("greeter", "{broker: default, filters: [{exact: {type: greet}}], delivery: {retry: 2}}"));

        assertThat(broker.triggers).containsOnlyKeys("fn-greeter");
        var doc = broker.triggers.get("fn-greeter");
        assertThat(doc.spec().broker()).isEqualTo("default");
        assertThat(doc.spec().subscriber().uri())
                .as("the same address a Trigger with subscriber.function gets")
                .isEqualTo(TriggerMapping.functionSubscriber(NS, "greeter"))
                .isEqualTo("http://greeter.fnev.svc.cluster.local/");
        assertThat(doc.spec().filters()).hasSize(1);
        assertThat(doc.spec().delivery().retry()).isEqualTo(2);
        assertThat(condition("greeter")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("Configured");
        });
        assertThat(Conditions.find(status("greeter"), Conditions.READY))
                .as("the function's own conditions stay")
                .isNotNull();
    }

    @Test
    void anUnchangedResyncNeitherCreatesNorDeletes() {
        Function f = withTrigger("steady", "{filters: [{prefix: {type: a.}}]}");
        reconcile(f);
        broker.requests.clear();

        reconcile(client.resource(f).get());

        assertThat(methods())
                .as("the shared client's check: create refused as existing, read, same: left alone")
                .containsExactly("POST /admin/v1/triggers", "GET /admin/v1/triggers/fn-steady");
        assertThat(broker.triggers).containsOnlyKeys("fn-steady");
    }

    @Test
    void deletingTheFunctionDeletesItsTrigger() {
        reconcile(withTrigger("gone", "{}"));
        broker.requests.clear();

        reconciler.delete(NS, "gone");

        assertThat(methods()).containsExactly("DELETE /admin/v1/triggers/fn-gone");
        assertThat(broker.triggers).isEmpty();
    }

    @Test
    void aFunctionThatLosesItsTriggerHasItRemovedOnceAndTheConditionGoes() {
        Function f = withTrigger("dropped", "{}");
        reconcile(f);
        Function without = client.resource(f).get();
        without.getSpec().setTriggers(null);
        without = client.resource(without).update();
        broker.requests.clear();
        // the mock API server merges lists element by element where an API server's merge patch replaces them:
        // start from no conditions to see the list the reconciler writes
        client.resources(Function.class)
                .inNamespace(NS)
                .withName("dropped")
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\": \"remove\", \"path\": \"/status/conditions\"}]");

        reconcile(without);
        reconcile(client.resource(without).get());

        assertThat(methods())
                .as("removed once, not at every resync")
                .containsExactly("DELETE /admin/v1/triggers/fn-dropped");
        assertThat(broker.triggers).isEmpty();
        assertThat(status("dropped"))
                .extracting(Condition::getType)
                .contains(Conditions.READY)
                .doesNotContain(FunctionTriggers.BROKER_TRIGGER);
    }

    @Test
    void aFunctionWithoutTriggerIsClearedOnceAfterTheControllerStarts() {
        Function f = client.resource(Functions.of("plain", NS, Map.of("warmPool", 0)))
                .create();

        reconcile(f);
        reconcile(client.resource(f).get());

        assertThat(methods())
                .as("it may have lost its trigger while no controller ran")
                .containsExactly("DELETE /admin/v1/triggers/fn-plain");
        assertThat(condition("plain")).isNull();
    }

    @Test
    void theBrokersRefusalIsTheConditionsMessage() {
        broker.refuseStatus = 400;
        broker.refuseBody = "{\"status\":400,\"error\":\"spec.filters[0].cesql: invalid CloudEvents SQL\"}";

        reconcile(withTrigger("badsql", "{filters: [{cesql: 'type = '}]}"));

        assertThat(condition("badsql")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("InvalidSpec");
            assertThat(c.getMessage()).isEqualTo("spec.filters[0].cesql: invalid CloudEvents SQL");
        });
    }

    @Test
    void anUnavailableBrokerIsReportedNamingTheBroker() {
        broker.refuseStatus = 503;
        broker.refuseBody = "restarting";

        reconcile(withTrigger("later", "{}"));

        assertThat(condition("later")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("BrokerUnavailable");
            assertThat(c.getMessage())
                    .isEqualTo("broker " + broker.uri() + ": create trigger 'fn-later' answered 503: restarting");
        });
    }

    @Test
    void aTriggerOnABrokerWithoutBrokerResourceIsNotSent() {
        reconcile(withTrigger("orphan", "{broker: nosuch}"));

        assertThat(broker.requests).isEmpty();
        assertThat(condition("orphan")).satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("BrokerNotFound");
            assertThat(c.getMessage()).startsWith("spec.broker: no Broker resource 'nosuch' in namespace " + BROKERS);
        });
    }

    @Test
    void aLongFunctionNameGetsTheSharedHashedTriggerName() {
        String name = "f" + "x".repeat(62);

        reconcile(withTrigger(name, "{}"));

        assertThat(broker.triggers).containsOnlyKeys(dev.quiver.api.trigger.FunctionTriggerName.of(name));
        assertThat(broker.triggers.keySet().iterator().next()).hasSize(63).startsWith("fn-fxxx");
    }

    private Function withTrigger(String name, String broker) {
        return client.resource(Functions.fromYaml("""
                apiVersion: quiver.dev/v1alpha1
                kind: Function
                metadata: {name: %s, namespace: %s}
                spec:
                  image: x
                  scale: {warmPool: 0}
                  triggers: {broker: %s}
                """.formatted(name, NS, broker)))
                .create();
    }

    private void reconcile(Function f) {
        assertThat(reconciler.reconcile(f)).isPresent();
    }

    private List<Condition> status(String name) {
        return client.resources(Function.class)
                .inNamespace(NS)
                .withName(name)
                .get()
                .getStatus()
                .getConditions();
    }

    private Condition condition(String name) {
        return Conditions.find(status(name), FunctionTriggers.BROKER_TRIGGER);
    }

    private List<String> methods() {
        return broker.requests.stream()
                .map(r -> r.substring(0, r.indexOf(' ', r.indexOf(' ') + 1)))
                .toList();
    }
}
