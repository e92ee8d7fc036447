package dev.quiver.runtime.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.quiver.api.retry.RetrySchedule;
import dev.quiver.runtime.config.InvalidSettingException;

/** The Kafka trigger's settings after validation; errors name the key, the rule and the bad value. */
public record KafkaTriggerSettings(boolean enabled, String topic, String group, int retries, Duration backoff,
        Duration maxBackoff, double backoffJitter, String deadLetterTopic, Duration timeout) {

    public static KafkaTriggerSettings from(KafkaTriggerConfig c, String applicationName) {
        return of(c.enabled(), c.topic(), c.group().orElse(applicationName), c.retries(), c.backoff(),
                c.maxBackoff(), c.backoffJitter(), c.deadLetterTopic(), c.timeout());
    }

    public static KafkaTriggerSettings of(boolean enabled, Optional<String> topic, String group, int retries,
            Duration backoff, Duration maxBackoff, double backoffJitter, Optional<String> deadLetterTopic,
            Duration timeout) {
        List<String> errors = new ArrayList<>();
        String name = topic.orElse("");
        if (enabled && !validTopic(name)) {
            errors.add(problem("quiver.kafka.topic", "must be a Kafka topic name ([a-zA-Z0-9._-], 1..249 characters)"
                    + " when quiver.kafka.enabled=true", name));
        }
        if (enabled && (group == null || group.isBlank())) {
            errors.add(problem("quiver.kafka.group", "must not be empty", group));
        }
        if (retries < 0) {
            errors.add(problem("quiver.kafka.retries", "must be >= 0", retries));
        }
        if (backoff.isNegative() || backoff.isZero()) {
            errors.add(problem("quiver.kafka.backoff", "must be positive", backoff));
        }
        if (maxBackoff.compareTo(backoff) < 0) {
            errors.add(problem("quiver.kafka.max-backoff", "must be >= quiver.kafka.backoff", maxBackoff));
        }
        if (!(backoffJitter >= 0 && backoffJitter <= 1)) {
            errors.add(problem("quiver.kafka.backoff-jitter", "must be between 0 and 1", backoffJitter));
        }
        String dlq = deadLetterTopic.orElse(name + "-dlq");
        if (enabled && !validTopic(dlq)) {
            errors.add(problem("quiver.kafka.dead-letter-topic", "must be a Kafka topic name", dlq));
        }
        if (enabled && dlq.equals(name)) {
            errors.add(problem("quiver.kafka.dead-letter-topic", "must differ from quiver.kafka.topic", dlq));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            errors.add(problem("quiver.kafka.timeout", "must be positive", timeout));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingException(errors);
        }
        return new KafkaTriggerSettings(enabled, name, group, retries, backoff, maxBackoff, backoffJitter, dlq,
                timeout);
    }

    static boolean validTopic(String name) {
        return name != null && name.matches("[a-zA-Z0-9._-]{1,249}") && !name.equals(".") && !name.equals("..");
    }

    /** {@code retries} retries, exponential from {@code backoff} up to {@code max-backoff}, with the jitter. */
    public RetrySchedule schedule() {
        return RetrySchedule.exponential(retries, backoff, maxBackoff, backoffJitter);
    }

    private static String problem(String key, String rule, Object value) {
        return key + " " + rule + ", but was '" + value + "'";
    }
}
