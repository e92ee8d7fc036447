package dev.quiver.local.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.local.registry.FunctionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTriggersTest {
    @TempDir
    Path home;

    @Test
    void theTriggerSubscribesTheFunctionBehindTheActivatorWithItsFilters() throws Exception {
        Files.writeString(home.resolve("t.jar"), "jar");
        var f = new FunctionReader(home).read("""
                name: thumbnail
                artifact: t.jar
                triggers:
                  broker: {filters: [{prefix: {type: com.amazonaws.s3.}}, {prefix: {subject: images/}}]}
                """);

        var json = new ObjectMapper();
        assertThat(json.readTree(BrokerAdminClient.json(BrokerTriggers.document(f, 8080))))
                .isEqualTo(
                        json.readTree(
                                "{\"apiVersion\":\"eventing.quiver.dev/v1\",\"kind\":\"Trigger\",\"metadata\":{\"name\":\"fn-thumbnail\"},"
                                        + "\"spec\":{\"broker\":\"default\",\"filters\":[{\"prefix\":{\"type\":\"com.amazonaws.s3.\"}},"
                                        + "{\"prefix\":{\"subject\":\"images/\"}}],\"subscriber\":{\"uri\":\"http://127.0.0.1:8080/f/thumbnail/\"}}}"));
    }

    @Test
    void theFunctionsDeliveryBecomesTheTriggersDelivery() throws Exception {
        Files.writeString(home.resolve("t.jar"), "jar");
        var f = new FunctionReader(home).read("""
                name: orders
                artifact: t.jar
                triggers:
                  broker:
                    broker: shop
                    filters: [{cesql: "EXISTS region"}]
                    delivery: {retry: 3, timeout: PT5S, deadLetterSink: {uri: "kafka:orders-dead"}}
                """);

        var doc = BrokerTriggers.document(f, 9000);

        assertThat(doc.spec().broker()).isEqualTo("shop");
        assertThat(doc.spec().delivery().retry()).isEqualTo(3);
        assertThat(doc.spec().delivery().timeout()).isEqualTo("PT5S");
        assertThat(doc.spec().delivery().deadLetterSink().uri()).isEqualTo("kafka:orders-dead");
    }

    @Test
    void withoutABrokerNothingIsSent() throws Exception {
        Files.writeString(home.resolve("t.jar"), "jar");
        var f = new FunctionReader(home).read("name: a\nartifact: t.jar\ntriggers: {broker: {}}\n");

        assertThat(new BrokerTriggers(null).apply(f, 8080)).isCompleted();
        assertThat(new BrokerTriggers(null).remove("a")).isCompleted();
    }
}
