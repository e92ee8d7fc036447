package dev.quiver.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.retry.BackoffPolicy;
import dev.quiver.api.retry.RetrySchedule;
import dev.quiver.broker.delivery.DeadLetterSink;
import dev.quiver.broker.delivery.InvalidSettingException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class BrokerSettingsTest {

    public static BrokerSettings settings(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(BrokerConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return BrokerSettings.from(config.getConfigMapping(BrokerConfig.class));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        BrokerSettings s = settings(Map.of());
        assertThat(s.brokers()).isEqualTo(Set.of("default"));
        assertThat(s.topic("default")).isEqualTo("quiver-broker-default");
        assertThat(s.partitions()).isEqualTo(10);
        assertThat(s.replicationFactor()).isEqualTo((short) 1);
        assertThat(s.maxEventSize()).isEqualTo(1024 * 1024);
        assertThat(s.maxHops()).isEqualTo(10);
        assertThat(s.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(s.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.maxInFlight()).isEqualTo(100);
        assertThat(s.autoOffsetReset()).isEqualTo("latest");
        assertThat(s.delivery().retry()).isEqualTo(3);
        assertThat(s.delivery().backoffPolicy()).isEqualTo(BackoffPolicy.EXPONENTIAL);
        assertThat(s.delivery().backoffDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(s.delivery().timeout()).isEqualTo(Duration.ofSeconds(75));
        assertThat(s.delivery().retryAfterMax()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.delivery().deadLetterSink()).isEmpty();
        assertThat(s.backoffJitter()).isZero();
        assertThat(s.triggersTopic()).isEqualTo("quiver-triggers");
        assertThat(s.brokersTopic()).isEqualTo("quiver-brokers");
        assertThat(s.maxQueuedSends()).isEqualTo(10_000);
        assertThat(s.delivery().schedule())
                .isEqualTo(RetrySchedule.exact(3, BackoffPolicy.EXPONENTIAL, Duration.ofMillis(200)));
    }

    @Test
    void jitterIsOptIn() {
        assertThat(settings(Map.of("quiver.broker.dispatcher.backoff-jitter", "0.25"))
                        .backoffJitter())
                .isEqualTo(0.25);
    }

    @Test
    void kafkaBootstrapServersFollowsTheQuarkusKey() {
        assertThat(settings(Map.of("kafka.bootstrap.servers", "k:1")).bootstrapServers())
                .isEqualTo("k:1");
    }

    @Test
    void deadLetterSinkMayBeAKafkaTopic() {
        assertThat(settings(Map.of("quiver.broker.delivery.dead-letter-sink", "kafka:dlq"))
                        .delivery()
                        .deadLetterSink())
                .contains(new DeadLetterSink.KafkaTopic("dlq"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("event size below the spec's 64 KiB", "quiver.broker.max-event-size", "65535"),
                Arguments.of("no partitions", "quiver.broker.partitions", "0"),
                Arguments.of("reserved broker name", "quiver.broker.names", "admin"),
                Arguments.of("upper-case broker name", "quiver.broker.names", "Orders"),
                Arguments.of("template without {name}", "quiver.broker.function-url-template", "http://x/"),
                Arguments.of("unknown offset reset", "quiver.broker.dispatcher.auto-offset-reset", "none"),
                Arguments.of("zero in-flight", "quiver.broker.dispatcher.max-in-flight", "0"),
                Arguments.of("negative retry", "quiver.broker.delivery.retry", "-1"),
                Arguments.of("unknown backoff policy", "quiver.broker.delivery.backoff-policy", "fibonacci"),
                Arguments.of("non ISO-8601 delay", "quiver.broker.delivery.backoff-delay", "200ms"),
                Arguments.of("zero timeout", "quiver.broker.delivery.timeout", "PT0S"),
                Arguments.of("backoff delay beyond any timer", "quiver.broker.delivery.backoff-delay", "PT3000000H"),
                Arguments.of("triggers topic not a topic name", "quiver.broker.kafka.triggers-topic", "my triggers"),
                Arguments.of("brokers topic not a topic name", "quiver.broker.kafka.brokers-topic", "my brokers"),
                Arguments.of(
                        "brokers topic is the triggers topic", "quiver.broker.kafka.brokers-topic", "quiver-triggers"),
                Arguments.of("no room for queued sends", "quiver.broker.ingress.max-queued-sends", "0"),
                Arguments.of("jitter above 1", "quiver.broker.dispatcher.backoff-jitter", "1.5"),
                Arguments.of("dead-letter sink not a URL", "quiver.broker.delivery.dead-letter-sink", "ftp://x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void aBadSettingIsRejectedNamingKeyAndValue(String label, String key, String value) {
        String named = key.replace("backoff-policy", "backoffPolicy")
                .replace("backoff-delay", "backoffDelay")
                .replace("dead-letter-sink", "deadLetterSink");
        assertThatThrownBy(() -> settings(Map.of(key, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(named)
                .hasMessageContaining("'" + value + "'");
    }
}
