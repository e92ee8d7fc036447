package dev.quiver.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.BrokerAdminClient.Outcome;
import dev.quiver.api.trigger.BrokerAdminException;
import dev.quiver.api.trigger.Filter;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.kafka.local.quarkus.KafkaLocalTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared admin client (api) against the real admin API: idempotent apply, typed answers, named errors. */
@QuarkusTest
@QuarkusTestResource(KafkaLocalTestResource.class)
class BrokerAdminClientIT {
    @TestHTTPResource("/")
    URI broker;

    @Test
    void theGenericApplyUpsertsABrokerDocumentAndLeavesAnUnchangedOneAlone() throws Exception {
        BrokerAdminClient client = new BrokerAdminClient(broker, Duration.ofSeconds(40));
        String doc = """
                {"apiVersion":"eventing.knative.dev/v1","kind":"Broker","metadata":{"name":"generic"},
                 "spec":{"delivery":{"retry":2}}}""";
        String changed = doc.replace("\"retry\":2", "\"retry\":4");

        assertThat(client.apply("brokers", "generic", doc)).isEqualTo(Outcome.CREATED);
        assertThat(client.apply("brokers", "generic", doc)).isEqualTo(Outcome.UNCHANGED);
        assertThat(client.apply("brokers", "generic", changed)).isEqualTo(Outcome.REPLACED);
        assertThat(client.get("brokers", "generic")).get().asString().contains("\"retry\":4", "/generic\"");
        assertThat(client.delete("brokers", "generic")).isTrue();
        assertThat(client.get("brokers", "generic")).isEmpty();
        assertThat(client.delete("brokers", "generic")).isFalse();
    }

    @Test
    void applyCreatesThenLeavesAloneThenReplacesAndErrorsNameTheField() throws Exception {
        BrokerAdminClient client = new BrokerAdminClient(broker, Duration.ofSeconds(40));
        TriggerDocument first = TriggerDocument.of(
                "contract",
                TriggerDocument.Spec.of(
                        "default",
                        List.of(
                                Filter.prefix("type", "com.example."),
                                Filter.any(Filter.cesql("EXISTS region"), Filter.not(Filter.exact("source", "/x")))),
                        "http://127.0.0.1:9/unused"));

        BrokerAdminClient.Applied created = client.apply(first);
        assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(created.trigger().status().consumerGroup()).isEqualTo("quiver-trigger-default-contract");

        assertThat(client.apply(first).outcome()).isEqualTo(Outcome.UNCHANGED);

        TriggerDocument changed = TriggerDocument.of(
                "contract",
                first.spec().withDelivery(new TriggerDocument.Delivery(2, "linear", "PT1S", "PT5S", null, null)));
        BrokerAdminClient.Applied replaced = client.apply(changed);
        assertThat(replaced.outcome()).isEqualTo(Outcome.REPLACED);
        assertThat(client.get("contract"))
                .get()
                .satisfies(t -> assertThat(t.sameTriggerAs(changed)).isTrue());

        TriggerDocument bad = TriggerDocument.of(
                "contract-bad",
                TriggerDocument.Spec.of("default", List.of(Filter.cesql("type = ")), "http://127.0.0.1:9/unused"));
        assertThatThrownBy(() -> client.apply(bad)).isInstanceOfSatisfying(BrokerAdminException.class, e -> {
            assertThat(e.invalid()).isTrue();
            assertThat(e.error()).startsWith("spec.filters[0].cesql: invalid CloudEvents SQL");
            assertThat(e.getMessage())
                    .startsWith("broker " + client.broker() + ": create trigger 'contract-bad' "
                            + "answered 400: spec.filters[0].cesql");
        });

        assertThat(client.delete("contract")).isTrue();
        assertThat(client.get("contract")).isEmpty();
    }
}
