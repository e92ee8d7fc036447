package dev.quiver.runtime.kafka;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The test app's trigger on a 4-partition topic, 8 records at once, bound to {@link OrderedRecorder}. */
public class KafkaDeliveryProfile implements QuarkusTestProfile {

    static final String TOPIC = "runtime-delivery-test";
    static final String GROUP = "runtime-delivery-group";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quiver.kafka.enabled", "true",
                "quiver.kafka.topic", TOPIC,
                "quiver.kafka.group", GROUP,
                "quarkus.funqy.knative-events.mapping.kafkaOrdered.trigger", "*",
                "quiver.kafka.concurrency", "8",
                "quiver.kafka.retries", "2",
                "quiver.kafka.backoff", "100ms",
                "quiver.kafka.max-backoff", "200ms",
                "mp.messaging.incoming.quiver-trigger.auto.commit.interval.ms", "100");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TriggerKafkaResource.class, Map.of("topic", TOPIC, "partitions", "4")));
    }
}
