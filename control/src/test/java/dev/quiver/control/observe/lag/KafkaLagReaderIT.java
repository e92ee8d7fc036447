package dev.quiver.control.observe.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kafka.local.SharedKafka;
import dev.quiver.scaler.lag.PartitionOffsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The one lag reader of both backends against a real single-node Kafka broker (KRaft, in this JVM). */
class KafkaLagReaderIT {

    @Test
    void readsEndAndCommittedOffsetsPerPartition() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic("lag-it", 2, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (var producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>("lag-it", 0, null, "m" + i))
                            .get(30, TimeUnit.SECONDS);
                }
            }
            admin.alterConsumerGroupOffsets(
                            "lag-group", Map.of(new TopicPartition("lag-it", 0), new OffsetAndMetadata(10)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }

        try (LagReader lag = new KafkaLagReader(bootstrap, Duration.ofSeconds(10), "lag-it")) {
            assertThat(lag.read("lag-it", "lag-group").get(30, TimeUnit.SECONDS))
                    .hasValueSatisfying(offsets -> assertThat(offsets)
                            .containsExactly(
                                    new PartitionOffsets("0", 30, 10), PartitionOffsets.neverCommitted("1", 0)));
            assertThat(lag.read("no-such-topic", "lag-group").get(30, TimeUnit.SECONDS))
                    .as("unreadable: empty")
                    .isEmpty();
        }
    }
}
