package dev.quiver.kafka.local.quarkus;

import dev.quiver.kafka.local.SharedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker: the one {@link SharedKafka} of this JVM (started once,
 * stopped at JVM exit, so several test classes share it). Sets {@code kafka.bootstrap.servers}.
 * <pre>{@code @QuarkusTestResource(KafkaLocalTestResource.class)}</pre>
 */
public class KafkaLocalTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedKafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared per JVM: stopped by SharedKafka's shutdown hook
    }
}
