package dev.quiver.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaProcessIT {

    @TempDir
    Path dir;

    @Test
    void separateProcessKeepsAcknowledgedRecordsAcrossACrash() throws Exception {
        KafkaNodeConfig config = KafkaNodeConfig.onFreePorts(dir);
        String cp = KafkaProcess.currentClasspath();
        KafkaProcess kafka = KafkaProcess.start(config, cp, KafkaProcess.DEFAULT_MAX_HEAP);
        try {
            assertThat(kafka.pid()).isNotEqualTo(ProcessHandle.current().pid());
            KafkaRoundTrip.createTopic(kafka.bootstrapServers(), "p1");
            KafkaRoundTrip.produce(kafka.bootstrapServers(), "p1", List.of("x", "y"));
        } finally {
            kafka.kill();
        }
        assertThat(kafka.isAlive()).isFalse();
        try (KafkaProcess again = KafkaProcess.start(config, cp, KafkaProcess.DEFAULT_MAX_HEAP)) {
            assertThat(KafkaRoundTrip.consumeAll(again.bootstrapServers(), "p1", 2))
                    .containsExactly("x", "y");
        }
    }
}
