package dev.quiver.control.observe.lag;

import dev.quiver.scaler.lag.PartitionOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads consumer lag with Kafka's AdminClient, asynchronously, and converts its results into scaler-core
 * {@link PartitionOffsets} before any arithmetic (the lag itself is computed by scaler-core's one rule).
 */
public final class KafkaLagReader implements LagReader {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaLagReader.class);
    private final Admin admin;
    private final Duration timeout;

    /** @param clientId the AdminClient's {@code client.id} (which process reads) */
    public KafkaLagReader(String bootstrapServers, Duration timeout, String clientId) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        this.admin = Admin.create(p);
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Optional<List<PartitionOffsets>>> read(String topic, String group) {
        CompletableFuture<TopicDescription> described = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .toCompletionStage()
                .toCompletableFuture()
                .thenApply(m -> m.get(topic));
        CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .toCompletionStage()
                .toCompletableFuture();
        return described
                .thenCompose(d -> {
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    d.partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                    return admin.listOffsets(latest).all().toCompletionStage().toCompletableFuture();
                })
                .thenCombine(committed, (ends, commits) -> Optional.of(convert(ends(ends), commits)))
                .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    LOG.debug("lag of {}/{} not read: {}", topic, group, e.toString());
                    return Optional.empty();
                });
    }

    private static Map<TopicPartition, Long> ends(Map<TopicPartition, ListOffsetsResultInfo> infos) {
        Map<TopicPartition, Long> out = new HashMap<>();
        infos.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** AdminClient results as scaler-core records, by partition number; a partition never committed says so. */
    static List<PartitionOffsets> convert(
            Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        List<PartitionOffsets> out = new ArrayList<>(ends.size());
        ends.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(TopicPartition::partition)))
                .forEach(e -> {
                    OffsetAndMetadata c = committed == null ? null : committed.get(e.getKey());
                    out.add(new PartitionOffsets(
                            Integer.toString(e.getKey().partition()),
                            e.getValue(),
                            c == null ? PartitionOffsets.NO_COMMIT : c.offset()));
                });
        return out;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
