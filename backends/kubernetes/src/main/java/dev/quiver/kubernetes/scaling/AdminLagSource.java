package dev.quiver.kubernetes.scaling;

import dev.quiver.scaler.lag.PartitionOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/** Reads log-end and committed offsets with Kafka's Admin client and converts them to scaler-core records. */
public final class AdminLagSource implements LagSource {
    private static final Logger LOG = Logger.getLogger(AdminLagSource.class);
    private final Admin admin;
    private final long timeoutMs;

    public AdminLagSource(String bootstrapServers, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "quiver-controller-lag");
        this.admin = Admin.create(p);
        this.timeoutMs = timeout.toMillis();
    }

    @Override
    public List<PartitionOffsets> read(String topic, String group) {
        try {
            var description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeoutMs, TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(timeoutMs, TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeoutMs, TimeUnit.MILLISECONDS);
            return convert(ends, committed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.debugf("Lag of %s/%s not read: %s", topic, group, e);
            return null;
        }
    }

    /** Partitions in order; a partition the group never committed on is {@link PartitionOffsets#NO_COMMIT}. */
    static List<PartitionOffsets> convert(Map<TopicPartition, Long> ends,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        List<PartitionOffsets> out = new ArrayList<>(ends.size());
        ends.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparingInt(TopicPartition::partition)))
                .forEach(e -> {
                    OffsetAndMetadata c = committed == null ? null : committed.get(e.getKey());
                    out.add(new PartitionOffsets(Integer.toString(e.getKey().partition()), e.getValue(),
                            c == null ? PartitionOffsets.NO_COMMIT : c.offset()));
                });
        return out;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
