package dev.quiver.kubernetes.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.resource.Broker;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Broker resources the broker app can serve, and when its Deployment has rolled out. */
class BrokerNamesTest {
    @ParameterizedTest(name = "{0} topic={1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "default     | -                     | -",
                "orders      | quiver-broker-orders  | -",
                "a-1         | -                     | -",
                "admin       | -                     | metadata.name: must not be admin or q (paths of the broker's own API), was \"admin\"",
                "q           | -                     | metadata.name: must not be admin or q (paths of the broker's own API), was \"q\"",
                "my.broker   | -                     | metadata.name: must be a DNS label (lowercase letters, digits, '-', at most 63), was \"my.broker\"",
                "orders      | orders                | spec.topic: must be quiver-broker-orders (the broker names each topic quiver-broker-<name>) or be left out, was \"orders\""
            })
    void aBrokerIsServedWhenTheBrokerAppCanServeIt(String name, String topic, String violation) {
        BrokerNames names = BrokerNames.of(List.of(broker(name, topic)));
        if (violation == null) {
            assertThat(names.served()).containsExactly(name);
            assertThat(names.violations()).isEmpty();
        } else {
            assertThat(names.served()).isEmpty();
            assertThat(names.violations().get(name))
                    .extracting(Object::toString)
                    .containsExactly(violation);
        }
    }

    @org.junit.jupiter.api.Test
    void theServedNamesAreSortedAndCommaSeparated() {
        BrokerNames names =
                BrokerNames.of(List.of(broker("orders", null), broker("admin", null), broker("default", null)));
        assertThat(names.value()).isEqualTo("default,orders");
        assertThat(BrokerNames.of(List.of()).value()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "rolled out                    | 2 | 1 | {observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1} | true",
                "not yet observed              | 3 | 1 | {observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1} | false",
                "old pod still there           | 2 | 1 | {observedGeneration: 2, replicas: 2, updatedReplicas: 1, availableReplicas: 1} | false",
                "new pod not yet updated       | 2 | 1 | {observedGeneration: 2, replicas: 1, updatedReplicas: 0, availableReplicas: 1} | false",
                "nothing available             | 2 | 1 | {observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 0} | false",
                "no status                     | 2 | 1 | null                                                                            | false"
            })
    void aDeploymentIsRolledOutWhenEveryPodRunsTheLatestTemplate(
            String name, long generation, int replicas, String status, boolean done) {
        Deployment d = Serialization.unmarshal(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, generation: " + generation
                        + "}\nspec: {replicas: " + replicas + "}\nstatus: " + status + "\n",
                Deployment.class);
        assertThat(BrokerRollout.done(d)).isEqualTo(done);
    }

    static Broker broker(String name, String topic) {
        return Serialization.unmarshal(
                "apiVersion: quiver.dev/v1alpha1\nkind: Broker\nmetadata: {name: '" + name
                        + "', namespace: br}\nspec: {" + (topic == null ? "" : "topic: " + topic) + "}\n",
                Broker.class);
    }
}
