package dev.quiver.kubernetes.model;

import dev.quiver.api.function.FunctionDocument.BrokerTrigger;
import dev.quiver.scaler.spec.FunctionSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code Function} resource: what the controller builds objects from and the scaler scales.
 *
 * @param env     every environment variable of the instances, in order (properties first, then env)
 * @param scaling scaler-core's spec, read from {@code spec.scale} and {@code spec.triggers.kafka.lag}
 * @param broker  {@code spec.triggers.broker}: the broker trigger the controller makes for the function
 */
public record FunctionModel(
        String namespace,
        String name,
        String image,
        Map<String, String> env,
        FunctionSpec scaling,
        Optional<KafkaTopic> kafka,
        Optional<BrokerTrigger> broker) {

    public FunctionModel {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** A Kafka topic the instances consume as consumer group {@code group}. */
    public record KafkaTopic(String topic, String group) {}

    public int warmPool() {
        return scaling.scale().warmPool();
    }

    /** Active instances when the function is created, before the scaler has seen any traffic. */
    public int initialReplicas() {
        return Math.max(scaling.scale().minScale(), scaling.scale().initialScale());
    }
}
