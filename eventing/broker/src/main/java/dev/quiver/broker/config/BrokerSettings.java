package dev.quiver.broker.config;

import dev.quiver.broker.delivery.DeliverySpec;
import dev.quiver.broker.delivery.DeliverySpecParser;
import dev.quiver.broker.delivery.InvalidSettingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The validated broker settings; {@link #from(BrokerConfig)} fails naming the key, the rule and the bad value. */
public record BrokerSettings(
        Set<String> brokers,
        String topicPrefix,
        int partitions,
        short replicationFactor,
        int maxEventSize,
        int maxHops,
        String functionUrlTemplate,
        Optional<String> triggersFile,
        String bootstrapServers,
        Duration sendTimeout,
        Duration startupTimeout,
        Map<String, String> producer,
        Map<String, String> consumer,
        int maxInFlight,
        Duration pollTimeout,
        String autoOffsetReset,
        Duration readyTimeout,
        int maxErrorBody,
        double backoffJitter,
        DeliverySpec delivery,
        String deadLetterTopicPrefix,
        String triggersTopic,
        String brokersTopic,
        int maxQueuedSends,
        SourcesSettings sources) {

    /** The CloudEvents spec: intermediaries must forward events of at least 64 KiB. */
    public static final int SPEC_MIN_EVENT_SIZE = 64 * 1024;

    private static final Pattern BROKER_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Set<String> RESERVED = Set.of("admin", "q");
    private static final String P = "quiver.broker.";

    public static BrokerSettings from(BrokerConfig c) {
        for (String name : c.names()) {
            if (!BROKER_NAME.matcher(name).matches() || RESERVED.contains(name)) {
                throw new InvalidSettingException(
                        P + "names",
                        "must be DNS labels (lowercase letters, digits, '-') other than admin and q",
                        name);
            }
        }
        min(P + "partitions", c.partitions(), 1);
        min(P + "replication-factor", c.replicationFactor(), 1);
        min(P + "max-event-size", c.maxEventSize(), SPEC_MIN_EVENT_SIZE);
        min(P + "max-hops", c.maxHops(), 1);
        min(P + "ingress.max-queued-sends", c.ingress().maxQueuedSends(), 1);
        min(P + "dispatcher.max-in-flight", c.dispatcher().maxInFlight(), 1);
        min(P + "dispatcher.max-error-body", c.dispatcher().maxErrorBody(), 0);
        if (!c.functionUrlTemplate().contains("{name}")) {
            throw new InvalidSettingException(
                    P + "function-url-template", "must contain {name}", c.functionUrlTemplate());
        }
        if (c.kafka().bootstrapServers().isBlank()) {
            throw new InvalidSettingException(P + "kafka.bootstrap-servers", "must not be empty", "");
        }
        positive(P + "kafka.send-timeout", c.kafka().sendTimeout());
        positive(P + "kafka.startup-timeout", c.kafka().startupTimeout());
        positive(P + "dispatcher.poll-timeout", c.dispatcher().pollTimeout());
        positive(P + "dispatcher.ready-timeout", c.dispatcher().readyTimeout());
        String reset = c.dispatcher().autoOffsetReset();
        if (!List.of("latest", "earliest").contains(reset)) {
            throw new InvalidSettingException(P + "dispatcher.auto-offset-reset", "must be latest or earliest", reset);
        }
        double jitter = c.dispatcher().backoffJitter();
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new InvalidSettingException(P + "dispatcher.backoff-jitter", "must be between 0 and 1", jitter);
        }
        String dlqPrefix = c.deadLetter().kafkaTopicPrefix();
        if (dlqPrefix.isBlank() || !dlqPrefix.matches("[a-zA-Z0-9._-]+")) {
            throw new InvalidSettingException(
                    P + "dead-letter.kafka-topic-prefix",
                    "must be a non-empty Kafka topic name prefix (letters, digits, '.', '_', '-')",
                    dlqPrefix);
        }
        String triggersTopic = topicName(P + "kafka.triggers-topic", c.kafka().triggersTopic());
        String brokersTopic = topicName(P + "kafka.brokers-topic", c.kafka().brokersTopic());
        if (brokersTopic.equals(triggersTopic)) {
            throw new InvalidSettingException(
                    P + "kafka.brokers-topic", "must differ from " + P + "kafka.triggers-topic", brokersTopic);
        }
        BrokerConfig.Delivery d = c.delivery();
        DeliverySpec delivery = DeliverySpecParser.parse(
                P + "delivery.",
                d.retry(),
                d.backoffPolicy(),
                d.backoffDelay(),
                d.timeout(),
                d.retryAfterMax(),
                d.deadLetterSink());
        return new BrokerSettings(
                Set.copyOf(c.names()),
                c.topicPrefix(),
                c.partitions(),
                c.replicationFactor(),
                c.maxEventSize(),
                c.maxHops(),
                c.functionUrlTemplate(),
                c.triggersFile(),
                c.kafka().bootstrapServers(),
                c.kafka().sendTimeout(),
                c.kafka().startupTimeout(),
                Map.copyOf(c.kafka().producer()),
                Map.copyOf(c.kafka().consumer()),
                c.dispatcher().maxInFlight(),
                c.dispatcher().pollTimeout(),
                reset,
                c.dispatcher().readyTimeout(),
                c.dispatcher().maxErrorBody(),
                jitter,
                delivery,
                dlqPrefix,
                triggersTopic,
                brokersTopic,
                c.ingress().maxQueuedSends(),
                SourcesSettings.from(c.sources()));
    }

    public String topic(String broker) {
        return topicPrefix + broker;
    }

    private static String topicName(String key, String value) {
        if (value.isBlank() || !value.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new InvalidSettingException(
                    key, "must be a Kafka topic name (letters, digits, '.', '_', '-')", value);
        }
        return value;
    }

    private static void min(String key, int value, int min) {
        if (value < min) {
            throw new InvalidSettingException(key, "must be >= " + min, value);
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new InvalidSettingException(key, "must be positive", value);
        }
    }
}
