package dev.quiver.local.registry;

import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.scaler.spec.FunctionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployed function, made from the shared {@link dev.quiver.api.function.FunctionDocument} (the same document as
 * the Kubernetes {@code Function} resource's spec) by {@link FunctionReader}. The scaling part is scaler-core's
 * {@link FunctionSpec}.
 *
 * @param artifact   a runner jar ({@code java -jar}) or a native binary
 * @param properties passed to the instance as {@code -Dkey=value} (JVM) or {@code --key=value}-free env (native:
 *                   as environment variables in Quarkus's naming)
 * @param launch     the function's own JVM and archive choice ({@code jvm:}), over the platform's
 * @param source     the document it was read from, as given
 */
public record FunctionDefinition(
        String name,
        Path artifact,
        List<String> jvmOptions,
        Map<String, String> properties,
        Map<String, String> env,
        LaunchOverride launch,
        FunctionSpec scaling,
        Optional<BrokerTrigger> broker,
        Optional<KafkaTrigger> kafka,
        String source) {

    public FunctionDefinition {
        jvmOptions = List.copyOf(jvmOptions);
        properties = Map.copyOf(properties);
        env = Map.copyOf(env);
    }

    /**
     * Events from a broker, delivered over HTTP through the activator. {@code filters} are the broker's dialects
     * ({@link dev.quiver.api.trigger.Filter} records); {@code delivery} the broker trigger's, empty: the broker's.
     */
    public record BrokerTrigger(String broker, List<Object> filters, Optional<TriggerDocument.Delivery> delivery) {
        public BrokerTrigger {
            filters = List.copyOf(filters);
        }

        public BrokerTrigger(String broker, List<Object> filters) {
            this(broker, filters, Optional.empty());
        }
    }

    /** A Kafka topic the instances consume directly as one consumer group; scaled on the group's lag. */
    public record KafkaTrigger(String topic, String group) {}

    public boolean jvm() {
        return artifact.getFileName().toString().endsWith(".jar");
    }

    public int containerConcurrency() {
        return scaling.scale().containerConcurrency();
    }

    /** Whether instances must be replaced (not just rescaled) when changing from {@code previous} to this. */
    public boolean needsRollFrom(FunctionDefinition previous) {
        return !artifact.equals(previous.artifact)
                || !jvmOptions.equals(previous.jvmOptions)
                || !properties.equals(previous.properties)
                || !env.equals(previous.env)
                || !launch.equals(previous.launch)
                || !kafka.equals(previous.kafka);
    }
}
