package dev.quiver.control.loop;

import dev.quiver.control.route.FunctionRef;
import dev.quiver.scaler.spec.FunctionSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * A function as the loop sees it, whatever backend runs it: each backend maps its own model (a local definition, a
 * Kubernetes {@code Function}) into this.
 *
 * @param scaling              scaler-core's spec (the scaler is rebuilt when it changes)
 * @param kafka                the consumer group whose lag it scales on, if any
 * @param containerConcurrency each instance's hard limit (0 = unlimited), published with its endpoints
 * @param revision             identifies the code and configuration its instances run: a new value rolls them
 */
public record LoopFunction(
        FunctionRef ref, FunctionSpec scaling, Optional<KafkaSource> kafka, int containerConcurrency, String revision) {
    public LoopFunction {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(revision, "revision");
        if (containerConcurrency < 0) {
            throw new IllegalArgumentException("containerConcurrency must be >= 0, was " + containerConcurrency);
        }
    }

    /** A Kafka topic the instances consume as consumer group {@code group}. */
    public record KafkaSource(String topic, String group) {}
}
