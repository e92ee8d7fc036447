package dev.quiver.broker.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.broker.config.BrokerSettingsTest;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class SendQueueTest {

    @Test
    void whenKafkaIsAwayTheSendQueueIsBoundedAndTheNextSendFailsAtOnce() throws Exception {
        EventPublisher publisher = new EventPublisher(BrokerSettingsTest.settings(Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:1",
                "quiver.broker.kafka.send-timeout", "PT2S",
                "quiver.broker.ingress.max-queued-sends", "2")));
        try {
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sends.add(publisher.publish(
                        "quiver-broker-default",
                        CloudEventBuilder.v1()
                                .withId("e" + i)
                                .withSource(URI.create("/t"))
                                .withType("t")
                                .build()));
            }
            // one blocks in the send thread (no metadata), two wait in the queue, the rest are refused at once
            CompletableFuture<Void> refused = sends.get(4);
            assertThat(refused).isCompletedExceptionally();
            try {
                refused.get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(SendQueueFullException.class);
            }
            assertThat(sends.get(1)).isNotDone();
        } finally {
            publisher.close();
        }
    }
}
