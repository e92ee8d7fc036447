package dev.quiver.runtime.kafka;

import dev.quiver.api.retry.RetrySchedule;
import dev.quiver.runtime.config.InvalidSettingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Kafka trigger's settings after validation; errors name the key, the rule and the bad value. */
public record KafkaTriggerSettings(
        boolean enabled,
        String topic,
        String group,
        int retries,
        Duration backoff,
        Duration maxBackoff,
        double backoffJitter,
        String deadLetterTopic,
        Duration timeout,
        Delivery delivery) {

    /** Which records may be processed at once, and how the function is called. */
    public record Delivery(int concurrency, int maxPending, Ordering ordering, Invocation invocation) {
        public static final Delivery DEFAULT = new Delivery(16, 1024, Ordering.KEY, Invocation.IN_PROCESS);
    }

    /** What is kept in offset order: records of one key (within their partition), or whole partitions. */
    public enum Ordering {
        KEY,
        PARTITION
    }

    /** In process through Funqy's invoker, or over the instance's own HTTP port. */
    public enum Invocation {
        IN_PROCESS,
        HTTP
    }

    public static KafkaTriggerSettings from(KafkaTriggerConfig c, String applicationName) {
        return of(
                c.enabled(),
                c.topic(),
                c.group().orElse(applicationName),
                c.retries(),
                c.backoff(),
                c.maxBackoff(),
                c.backoffJitter(),
                c.deadLetterTopic(),
                c.timeout(),
                c.concurrency(),
                c.maxPending(),
                c.ordering(),
                c.invocation());
    }

    /** With the default delivery (concurrency 16, max-pending 1024, ordering key, invocation in-process). */
    public static KafkaTriggerSettings of(
            boolean enabled,
            Optional<String> topic,
            String group,
            int retries,
            Duration backoff,
            Duration maxBackoff,
            double backoffJitter,
            Optional<String> deadLetterTopic,
            Duration timeout) {
        return of(
                enabled,
                topic,
                group,
                retries,
                backoff,
                maxBackoff,
                backoffJitter,
                deadLetterTopic,
                timeout,
                Delivery.DEFAULT.concurrency(),
                Delivery.DEFAULT.maxPending(),
                "key",
                "in-process");
    }

    public static KafkaTriggerSettings of(
            boolean enabled,
            Optional<String> topic,
            String group,
            int retries,
            Duration backoff,
            Duration maxBackoff,
            double backoffJitter,
            Optional<String> deadLetterTopic,
            Duration timeout,
            int concurrency,
            int maxPending,
            String ordering,
            String invocation) {
        List<String> errors = new ArrayList<>();
        String name = topic.orElse("");
        if (enabled && !validTopic(name)) {
            errors.add(problem(
                    "quiver.kafka.topic",
                    "must be a Kafka topic name ([a-zA-Z0-9._-], 1..249 characters)"
                            + " when quiver.kafka.enabled=true",
                    name));
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
        if (concurrency < 1 || concurrency > 1024) {
            errors.add(problem("quiver.kafka.concurrency", "must be 1..1024", concurrency));
        }
        if (maxPending < concurrency) {
            errors.add(problem(
                    "quiver.kafka.max-pending",
                    "must be >= quiver.kafka.concurrency (" + concurrency + ")",
                    maxPending));
        }
        Ordering order = switch (String.valueOf(ordering)) {
            case "key" -> Ordering.KEY;
            case "partition" -> Ordering.PARTITION;
            default -> {
                errors.add(problem("quiver.kafka.ordering", "must be 'key' or 'partition'", ordering));
                yield null;
            }
        };
        Invocation call = switch (String.valueOf(invocation)) {
            case "in-process" -> Invocation.IN_PROCESS;
            case "http" -> Invocation.HTTP;
            default -> {
                errors.add(problem("quiver.kafka.invocation", "must be 'in-process' or 'http'", invocation));
                yield null;
            }
        };
        if (!errors.isEmpty()) {
            throw new InvalidSettingException(errors);
        }
        return new KafkaTriggerSettings(
                enabled,
                name,
                group,
                retries,
                backoff,
                maxBackoff,
                backoffJitter,
                dlq,
                timeout,
                new Delivery(concurrency, maxPending, order, call));
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
