package dev.quiver.local.metrics;

import dev.quiver.scaler.lag.PartitionOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/** Reads consumer lag with Kafka's AdminClient and converts it to scaler-core {@link PartitionOffsets}. */
public final class AdminLagReader implements LagReader {
    private static final Logger LOG = Logger.getLogger(AdminLagReader.class);
    private final Admin admin;
    private final Duration timeout;

    public AdminLagReader(String bootstrapServers, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "quiver-platform-lag");
        this.admin = Admin.create(p);
        this.timeout = timeout;
    }

    @Override
    public List<PartitionOffsets> read(String topic, String group) {
        try {
            long ms = timeout.toMillis();
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(ms, TimeUnit.MILLISECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(ms, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(ms, TimeUnit.MILLISECONDS);
            return convert(ends.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                    e -> e.getValue().offset())), committed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.debugf("lag of %s/%s not read: %s", topic, group, e.toString());
            return null;
        }
    }

    static List<PartitionOffsets> convert(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        List<PartitionOffsets> out = new ArrayList<>(ends.size());
        ends.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(
                TopicPartition::partition))).forEach(e -> {
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
