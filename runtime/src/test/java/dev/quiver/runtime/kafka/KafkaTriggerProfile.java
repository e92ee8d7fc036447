package dev.quiver.runtime.kafka;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The test app with a Kafka topic trigger bound to {@link KafkaRecorder}, on a real single-node Kafka. */
public class KafkaTriggerProfile implements QuarkusTestProfile {

    static final String TOPIC = "runtime-trigger-test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quiver.kafka.enabled", "true",
                "quiver.kafka.topic", TOPIC,
                "quiver.kafka.group", "runtime-trigger-group",
                "quarkus.funqy.knative-events.mapping.kafkaRecorder.trigger", "*",
                "quiver.kafka.retries", "2",
                "quiver.kafka.backoff", "20ms",
                "quiver.kafka.max-backoff", "50ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TriggerKafkaResource.class));
    }
}
