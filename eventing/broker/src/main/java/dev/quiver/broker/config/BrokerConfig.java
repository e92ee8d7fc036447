package dev.quiver.broker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The broker's settings as read from configuration; {@link BrokerSettings} is the validated form. */
@ConfigMapping(prefix = "quiver.broker")
public interface BrokerConfig {

    /** Brokers served by this process: {@code POST /{name}}; each has its own Kafka topic. */
    @WithDefault("default")
    List<String> names();

    @WithDefault("quiver-broker-")
    String topicPrefix();

    @WithDefault("10")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    /** Largest accepted HTTP body in bytes (the spec requires at least 64 KiB to pass). */
    @WithDefault("1048576")
    int maxEventSize();

    /** Reply events deeper than this many hops are dropped (reply-loop protection). */
    @WithDefault("10")
    int maxHops();

    /** URL of a function subscriber; {name} is replaced by the function name. */
    @WithDefault("http://127.0.0.1:8090/{name}")
    String functionUrlTemplate();

    /** YAML file with Trigger resources to create at start. */
    Optional<String> triggersFile();

    Kafka kafka();

    Dispatcher dispatcher();

    Delivery delivery();

    Admin admin();

    Ingress ingress();

    DeadLetter deadLetter();

    Sources sources();

    /** PingSource, KafkaSource and KafkaSink ({@code /admin/v1/pingsources|kafkasources|kafkasinks}). */
    interface Sources {
        /** Compacted topic keeping the sources and sinks created through the admin API. */
        @WithDefault("quiver-sources")
        String topic();

        /** Compacted topic keeping each PingSource's last fired slot; its one partition's owner fires. */
        @WithDefault("quiver-ping-state")
        String pingStateTopic();

        /** At most this many missed slots of one PingSource are fired after a restart (the latest ones). */
        @WithDefault("10")
        int pingCatchUpMax();

        /** Missed slots older than this before now are not fired after a restart. */
        @WithDefault("PT1H")
        Duration pingCatchUpWindow();

        /** Base URL of KafkaSink addresses ({@code <base>/sinks/<name>}); unset = this broker's HTTP address. */
        Optional<String> ingressUrl();
    }

    /** The trigger admin API ({@code /admin/v1/triggers}). */
    interface Admin {
        /** Bearer token the admin API requires. */
        Optional<String> token();

        /** File holding that token (trimmed); used when {@code token} is not set. */
        Optional<String> tokenFile();

        /** Serve the admin API on this port only (a second listener); unset = on the main HTTP port. */
        OptionalInt port();

        /**
         * Serve the admin API without a token on a non-loopback address: only where a network policy is the
         * boundary (the Kubernetes manifests, whose NetworkPolicy lets only the controller reach the admin port).
         */
        @WithDefault("false")
        boolean allowUnauthenticated();
    }

    /** Event ingress ({@code POST /{broker}}). */
    interface Ingress {
        /** Bearer tokens accepted at ingress; empty (the default) = ingress is open. */
        Optional<List<String>> tokens();

        /** Requests waiting for the send thread (Kafka slow or away); beyond it ingress answers 503. */
        @WithDefault("10000")
        int maxQueuedSends();
    }

    interface DeadLetter {
        /** A trigger's {@code kafka:} dead-letter sink must name a topic starting with this. */
        @WithDefault("quiver-dlq-")
        String kafkaTopicPrefix();
    }

    interface Kafka {
        @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
        String bootstrapServers();

        /** Longest wait for Kafka's acknowledgement before the client gets 503. */
        @WithDefault("PT10S")
        Duration sendTimeout();

        @WithDefault("PT60S")
        Duration startupTimeout();

        /**
         * Compacted topic holding every trigger the admin API accepted (key = trigger name, value = the trigger
         * document, tombstone on delete); followed by every replica, read whole at start.
         */
        @WithDefault("quiver-triggers")
        String triggersTopic();

        /**
         * Compacted topic holding every Knative Broker applied through {@code /admin/v1/brokers} (key = broker name,
         * value = the Broker document, tombstone on delete); followed by every replica, read whole at start.
         */
        @WithDefault("quiver-brokers")
        String brokersTopic();

        /** Extra producer settings (acks=all and idempotence are fixed). */
        Map<String, String> producer();

        /** Extra consumer settings for the dispatchers. */
        Map<String, String> consumer();
    }

    interface Dispatcher {
        /** In-flight deliveries per trigger when unordered. */
        @WithDefault("100")
        int maxInFlight();

        @WithDefault("PT0.1S")
        Duration pollTimeout();

        /** Where a new trigger's consumer group starts: latest or earliest. */
        @WithDefault("latest")
        String autoOffsetReset();

        /** How long the admin API waits for a new trigger's consumer to be assigned its partitions. */
        @WithDefault("PT30S")
        Duration readyTimeout();

        /** Largest response body kept in the dead-letter extension. */
        @WithDefault("1024")
        int maxErrorBody();

        /**
         * Opt-in spread of every trigger's retry backoff: each delay drawn from delay x (1 +- this). 0 keeps the
         * exact delays of Knative's delivery spec.
         */
        @WithDefault("0")
        double backoffJitter();
    }

    /** The default delivery spec of the brokers; a trigger's own spec replaces it whole. */
    interface Delivery {
        @WithDefault("3")
        int retry();

        @WithDefault("exponential")
        String backoffPolicy();

        @WithDefault("PT0.2S")
        String backoffDelay();

        /** Per attempt; longer than the activator's longest wait (60 s), so a cold start is not sent twice. */
        @WithDefault("PT75S")
        String timeout();

        @WithDefault("PT60S")
        String retryAfterMax();

        /** Dead-letter sink URL (http://...) or Kafka topic (kafka:topic). */
        Optional<String> deadLetterSink();
    }
}
