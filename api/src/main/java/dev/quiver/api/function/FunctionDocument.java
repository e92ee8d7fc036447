package dev.quiver.api.function;

import dev.quiver.api.trigger.Filter;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.scaler.spec.FunctionSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function, as described locally (a YAML file, docs/platform.md) and on Kubernetes (the {@code Function} resource's
 * spec): the same keys, except {@code artifact} (local) and {@code image} (Kubernetes), and {@code jvm} (local only).
 * Read and validated by {@link FunctionDocumentReader}, the one reader of both.
 *
 * @param artifact   local: a runner jar or a native binary, as written (relative to the platform's home)
 * @param image      Kubernetes: the container image
 * @param jvmOptions extra JVM options
 * @param jvm        local: the function's own JVM and archive choice, over the platform's
 * @param properties Quarkus/MicroProfile config properties, in order
 * @param env        environment variables of the instances, in order
 * @param scaling    scaler-core's spec, from {@code scale} and {@code triggers.kafka.lag}
 */
public record FunctionDocument(
        String name,
        Optional<String> artifact,
        Optional<String> image,
        List<String> jvmOptions,
        Jvm jvm,
        Map<String, String> properties,
        Map<String, String> env,
        FunctionSpec scaling,
        Triggers triggers) {

    public FunctionDocument {
        jvmOptions = List.copyOf(jvmOptions);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** {@code jvm: {java: ..., archive: auto|aot|appcds|none}}; empty parts use the platform's settings. */
    public record Jvm(Optional<String> java, Optional<String> archive) {
        public static final List<String> ARCHIVES = List.of("auto", "aot", "appcds", "none");
        public static final Jvm NONE = new Jvm(Optional.empty(), Optional.empty());
    }

    /**
     * How events reach the function. No {@code triggers}, {@code triggers: {}} or {@code triggers: {http: {}}}:
     * HTTP. A broker trigger implies HTTP (the broker delivers through the activator). A Kafka trigger alone: lag.
     */
    public record Triggers(boolean http, Optional<BrokerTrigger> broker, Optional<KafkaTrigger> kafka) {
        public static final Triggers HTTP = new Triggers(true, Optional.empty(), Optional.empty());
    }

    /**
     * Events from a broker, delivered over HTTP through the activator.
     *
     * @param filters  the broker's dialects, all must match
     * @param delivery retries, timeouts and dead-letter sink of the broker trigger; empty: the broker's default
     */
    public record BrokerTrigger(String broker, List<Filter> filters, Optional<TriggerDocument.Delivery> delivery) {
        public BrokerTrigger {
            filters = List.copyOf(filters);
        }
    }

    /** A Kafka topic the instances consume directly as one consumer group; scaled on the group's lag. */
    public record KafkaTrigger(String topic, String group) {}
}
