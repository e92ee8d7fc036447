package dev.quiver.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    Path dir;

    @Test
    void recordsSurviveARestartOnTheSameDataDir() throws Exception {
        KafkaNodeConfig config;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            config = kafka.config();
            KafkaRoundTrip.createTopic(kafka.bootstrapServers(), "t1");
            KafkaRoundTrip.produce(kafka.bootstrapServers(), "t1", List.of("a", "b"));
            assertThat(KafkaRoundTrip.consumeAll(kafka.bootstrapServers(), "t1", 2))
                    .containsExactly("a", "b");
        }
        try (EmbeddedKafka again = EmbeddedKafka.start(config)) {
            assertThat(again.bootstrapServers()).isEqualTo(config.bootstrapServers());
            KafkaRoundTrip.produce(again.bootstrapServers(), "t1", List.of("c"));
            assertThat(KafkaRoundTrip.consumeAll(again.bootstrapServers(), "t1", 3))
                    .containsExactly("a", "b", "c");
        }
    }

    @Test
    void sharedKafkaIsOnePerJvm() {
        assertThat(SharedKafka.get()).isSameAs(SharedKafka.get());
        assertThat(SharedKafka.bootstrapServers()).startsWith("127.0.0.1:");
    }
}
