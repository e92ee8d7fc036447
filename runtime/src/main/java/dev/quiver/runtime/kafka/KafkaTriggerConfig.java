package dev.quiver.runtime.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The Kafka topic trigger of a function app, under {@code quiver.kafka.}: the app's instances consume
 * {@code topic} as the consumer group {@code group} and invoke the app's function once per record (the exported
 * one, {@code quarkus.funqy.export}, or the one whose trigger type matches the event's type). Active only when
 * {@code quiver.kafka.enabled=true} is set at build time (in application.properties) and the app depends on
 * quarkus-messaging-kafka; otherwise no consumer exists.
 */
@ConfigMapping(prefix = "quiver.kafka")
public interface KafkaTriggerConfig {

    /** Build time: include the trigger binding (needs quarkus-messaging-kafka and cloudevents-kafka). */
    @WithDefault("false")
    boolean enabled();

    /** The topic consumed. Required when enabled. */
    Optional<String> topic();

    /** Consumer group shared by every instance of the function; default quarkus.application.name. */
    Optional<String> group();

    /** Retries after the first failed invocation of a record, before it goes to the dead-letter topic. */
    @WithDefault("3")
    int retries();

    /** Delay before the first retry; doubled after each, at most max-backoff. */
    @WithDefault("200ms")
    Duration backoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /** Each delay is drawn from delay x (1 +- this), at most max-backoff; 0 = exact delays. */
    @WithDefault("0.2")
    double backoffJitter();

    /** Where records go after the last retry; default {@code <topic>-dlq}. */
    Optional<String> deadLetterTopic();

    /** Timeout of one invocation of the function. */
    @WithDefault("30s")
    Duration timeout();

    /** Records invoked at once by one instance (worker threads of the trigger). */
    @WithDefault("16")
    int concurrency();

    /** Records taken from the topic and not yet done (acknowledged or dead-lettered); consumption pauses above. */
    @WithDefault("1024")
    int maxPending();

    /**
     * {@code key}: records with the same key (in one partition) are processed one after another in offset order,
     * different keys at once; {@code partition}: a partition's records one after another in offset order.
     */
    @WithDefault("key")
    String ordering();

    /** How the function is invoked: {@code in-process} (Funqy's invoker) or {@code http} (the instance's port). */
    @WithDefault("in-process")
    String invocation();
}
