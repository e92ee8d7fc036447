package dev.quiver.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.retry.RetrySchedule;
import dev.quiver.runtime.config.InvalidSettingException;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaTriggerSettingsTest {

    static KafkaTriggerSettings build(
            boolean enabled, String topic, int retries, Duration backoff, Duration max, String dlq) {
        return build(enabled, topic, retries, backoff, max, 0.2, dlq);
    }

    static KafkaTriggerSettings build(
            boolean enabled, String topic, int retries, Duration backoff, Duration max, double jitter, String dlq) {
        return KafkaTriggerSettings.of(
                enabled,
                Optional.ofNullable(topic),
                "app",
                retries,
                backoff,
                max,
                jitter,
                Optional.ofNullable(dlq),
                Duration.ofSeconds(30));
    }

    @Test
    void deadLetterTopicDefaultsToTopicDashDlq() {
        KafkaTriggerSettings s = build(true, "orders", 3, Duration.ofMillis(200), Duration.ofSeconds(5), null);
        assertThat(s.deadLetterTopic()).isEqualTo("orders-dlq");
        assertThat(s.group()).isEqualTo("app");
    }

    @Test
    void retriesFollowTheSharedScheduleWithJitter() {
        KafkaTriggerSettings s = build(true, "orders", 3, Duration.ofMillis(200), Duration.ofSeconds(5), null);
        assertThat(s.schedule())
                .isEqualTo(RetrySchedule.exponential(3, Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    }

    @Test
    void shippedRetryDefaultsAreTheDocumentedOnes() {
        Map<String, String> defaults = new TreeMap<>();
        for (Method m : KafkaTriggerConfig.class.getDeclaredMethods()) {
            WithDefault d = m.getAnnotation(WithDefault.class);
            if (d != null) {
                defaults.put(m.getName(), d.value());
            }
        }
        assertThat(defaults)
                .containsEntry("retries", "3")
                .containsEntry("backoff", "200ms")
                .containsEntry("maxBackoff", "5s")
                .containsEntry("backoffJitter", "0.2");
    }

    @Test
    void jitterOutsideZeroToOneNamesItsKey() {
        assertThatThrownBy(() -> build(true, "t", 3, Duration.ofMillis(200), Duration.ofSeconds(5), -0.1, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("quiver.kafka.backoff-jitter must be between 0 and 1, but was '-0.1'");
    }

    static Stream<Arguments> invalidDelivery() {
        return Stream.of(
                Arguments.of(
                        "zero concurrency",
                        0,
                        10,
                        "key",
                        "in-process",
                        "quiver.kafka.concurrency must be 1..1024, but was '0'"),
                Arguments.of(
                        "max-pending below concurrency",
                        8,
                        4,
                        "key",
                        "in-process",
                        "quiver.kafka.max-pending must be >= quiver.kafka.concurrency (8), but was '4'"),
                Arguments.of(
                        "unknown ordering",
                        1,
                        1,
                        "none",
                        "in-process",
                        "quiver.kafka.ordering must be 'key' or 'partition', but was 'none'"),
                Arguments.of(
                        "unknown invocation",
                        1,
                        1,
                        "key",
                        "grpc",
                        "quiver.kafka.invocation must be 'in-process' or 'http', but was 'grpc'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDelivery")
    void brokenDeliverySettingsNameTheirKey(
            String label, int concurrency, int maxPending, String ordering, String invocation, String message) {
        assertThatThrownBy(() -> KafkaTriggerSettings.of(
                        true,
                        Optional.of("t"),
                        "app",
                        3,
                        Duration.ofMillis(200),
                        Duration.ofSeconds(5),
                        0.2,
                        Optional.empty(),
                        Duration.ofSeconds(30),
                        concurrency,
                        maxPending,
                        ordering,
                        invocation))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shippedDeliveryDefaultsAreTheCodeDefaults() {
        Map<String, String> defaults = new TreeMap<>();
        for (Method m : KafkaTriggerConfig.class.getDeclaredMethods()) {
            WithDefault d = m.getAnnotation(WithDefault.class);
            if (d != null) {
                defaults.put(m.getName(), d.value());
            }
        }
        KafkaTriggerSettings.Delivery shipped = KafkaTriggerSettings.of(
                        true,
                        Optional.of("t"),
                        "app",
                        3,
                        Duration.ofMillis(200),
                        Duration.ofSeconds(5),
                        0.2,
                        Optional.empty(),
                        Duration.ofSeconds(30),
                        Integer.parseInt(defaults.get("concurrency")),
                        Integer.parseInt(defaults.get("maxPending")),
                        defaults.get("ordering"),
                        defaults.get("invocation"))
                .delivery();
        assertThat(shipped).isEqualTo(KafkaTriggerSettings.Delivery.DEFAULT);
        assertThat(build(true, "t", 3, Duration.ofMillis(200), Duration.ofSeconds(5), null)
                        .delivery())
                .isEqualTo(KafkaTriggerSettings.Delivery.DEFAULT);
    }

    @Test
    void disabledNeedsNoTopic() {
        assertThat(build(false, null, 3, Duration.ofMillis(200), Duration.ofSeconds(5), null)
                        .enabled())
                .isFalse();
    }

    static Stream<Arguments> invalid() {
        Duration b = Duration.ofMillis(200);
        Duration m = Duration.ofSeconds(5);
        return Stream.of(
                Arguments.of(
                        "enabled without topic",
                        null,
                        true,
                        null,
                        3,
                        b,
                        m,
                        null,
                        "quiver.kafka.topic must be a Kafka topic name"),
                Arguments.of(
                        "topic with a space",
                        null,
                        true,
                        "my orders",
                        3,
                        b,
                        m,
                        null,
                        "quiver.kafka.topic must be a Kafka topic name ([a-zA-Z0-9._-], 1..249 characters) when"
                                + " quiver.kafka.enabled=true, but was 'my orders'"),
                Arguments.of(
                        "negative retries",
                        null,
                        true,
                        "t",
                        -1,
                        b,
                        m,
                        null,
                        "quiver.kafka.retries must be >= 0, but was '-1'"),
                Arguments.of(
                        "zero backoff",
                        null,
                        true,
                        "t",
                        3,
                        Duration.ZERO,
                        m,
                        null,
                        "quiver.kafka.backoff must be positive"),
                Arguments.of(
                        "max below backoff",
                        null,
                        true,
                        "t",
                        3,
                        Duration.ofSeconds(6),
                        m,
                        null,
                        "quiver.kafka.max-backoff must be >= quiver.kafka.backoff"),
                Arguments.of(
                        "dead letters to the topic itself",
                        null,
                        true,
                        "t",
                        3,
                        b,
                        m,
                        "t",
                        "quiver.kafka.dead-letter-topic must differ from quiver.kafka.topic"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void brokenSettingsNameTheirKey(
            String label,
            Object unused,
            boolean enabled,
            String topic,
            int retries,
            Duration backoff,
            Duration max,
            String dlq,
            String message) {
        assertThatThrownBy(() -> build(enabled, topic, retries, backoff, max, dlq))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(message);
    }
}
