package dev.quiver.broker.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.trigger.StoreListener;
import dev.quiver.broker.trigger.TriggerStore;
import dev.quiver.broker.trigger.TriggerStoreException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Triggers in a compacted Kafka topic ({@code quiver.broker.kafka.triggers-topic}): key = trigger name, value = the
 * {@link TriggerDocument} JSON, a tombstone on delete. Writes wait for acks=all within the send timeout; every replica
 * follows the topic ({@link TriggerFollower}), so a write through one reaches all.
 */
@ApplicationScoped
public class KafkaTriggerStore implements TriggerStore {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BrokerSettings settings;
    private final TopicAdmin topics;
    private volatile KafkaProducer<String, byte[]> producer;

    public KafkaTriggerStore(BrokerSettings settings, TopicAdmin topics) {
        this.settings = settings;
        this.topics = topics;
    }

    @Override
    public Map<String, TriggerDocument> readAll() {
        String topic = settings.triggersTopic();
        topics.ensureCompacted(topic, settings.startupTimeout());
        Map<String, TriggerDocument> stored = new LinkedHashMap<>();
        Duration timeout = settings.startupTimeout();
        try (KafkaConsumer<String, byte[]> consumer = consumer("quiver-broker-triggers-reader")) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read the triggers topic " + topic + " within " + timeout
                            + " (quiver.broker.kafka.startup-timeout)");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        stored.remove(r.key());
                    } else {
                        stored.put(r.key(), read(r));
                    }
                }
            }
        }
        return stored;
    }

    @Override
    public AutoCloseable follow(StoreListener listener) {
        topics.ensureCompacted(settings.triggersTopic(), settings.startupTimeout());
        return new TriggerFollower(
                        settings.triggersTopic(),
                        () -> consumer("quiver-broker-triggers-follower"),
                        KafkaTriggerStore::read,
                        listener,
                        settings.pollTimeout(),
                        settings.startupTimeout())
                .start();
    }

    /** A consumer without a group (assigned partitions, nothing committed), reading from the beginning. */
    private KafkaConsumer<String, byte[]> consumer(String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static TriggerDocument read(ConsumerRecord<String, byte[]> r) {
        try {
            return JSON.readValue(r.value(), TriggerDocument.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "triggers topic " + r.topic() + " offset " + r.offset() + " (key '" + r.key()
                            + "'): not a trigger document: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void put(String name, TriggerDocument document) {
        try {
            send(name, JSON.writeValueAsString(document.withStatus(null)).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write trigger '" + name + "': " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void delete(String name) {
        send(name, null);
    }

    private void send(String name, byte[] value) {
        long timeout = settings.sendTimeout().toMillis();
        try {
            producer()
                    .send(new ProducerRecord<>(settings.triggersTopic(), name, value))
                    .get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TriggerStoreException(name, e.getCause());
        } catch (TimeoutException e) {
            throw new TriggerStoreException(name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TriggerStoreException(name, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> p = new HashMap<>(ProducerSettings.of(settings));
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "quiver-broker-triggers");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
