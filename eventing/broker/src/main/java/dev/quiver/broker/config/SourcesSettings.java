package dev.quiver.broker.config;

import dev.quiver.broker.delivery.InvalidSettingException;
import java.time.Duration;
import java.util.Optional;

/** The validated {@code quiver.broker.sources.*} settings. */
public record SourcesSettings(
        String topic,
        String pingStateTopic,
        int pingCatchUpMax,
        Duration pingCatchUpWindow,
        Optional<String> ingressUrl) {

    private static final String P = "quiver.broker.sources.";

    static SourcesSettings from(BrokerConfig.Sources c) {
        topic(P + "topic", c.topic());
        topic(P + "ping-state-topic", c.pingStateTopic());
        if (c.pingCatchUpMax() < 1) {
            throw new InvalidSettingException(P + "ping-catch-up-max", "must be >= 1", c.pingCatchUpMax());
        }
        if (c.pingCatchUpWindow().isNegative()) {
            throw new InvalidSettingException(
                    P + "ping-catch-up-window", "must not be negative", c.pingCatchUpWindow());
        }
        c.ingressUrl().ifPresent(u -> {
            if (!u.startsWith("http://") && !u.startsWith("https://")) {
                throw new InvalidSettingException(P + "ingress-url", "must be an http(s) URL", u);
            }
        });
        return new SourcesSettings(
                c.topic(),
                c.pingStateTopic(),
                c.pingCatchUpMax(),
                c.pingCatchUpWindow(),
                c.ingressUrl().map(u -> u.replaceAll("/+$", "")));
    }

    private static void topic(String key, String value) {
        if (value.isBlank() || !value.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new InvalidSettingException(
                    key, "must be a Kafka topic name (letters, digits, '.', '_', '-')", value);
        }
    }
}
