package dev.quiver.broker.sources.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.kafka.ProducerSettings;
import dev.quiver.broker.kafka.TopicAdmin;
import java.io.IOException;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A key → JSON value map kept in a compacted Kafka topic (one partition, so writes are totally ordered): a full
 * read at start, writes that return once acknowledged (acks=all within the send timeout), a tombstone on delete.
 * The same pattern as {@code kafka.KafkaTriggerStore}, generic over the value type; that one can be folded onto
 * this.
 */
public final class CompactedTopicStore<T> implements AutoCloseable {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BrokerSettings settings;
    private final TopicAdmin topics;
    private final String topic;
    private final Class<T> type;
    private final String clientId;
    private KafkaProducer<String, byte[]> producer;

    public CompactedTopicStore(
            BrokerSettings settings, TopicAdmin topics, String topic, Class<T> type, String clientId) {
        this.settings = settings;
        this.topics = topics;
        this.topic = topic;
        this.type = type;
        this.clientId = clientId;
    }

    public String topic() {
        return topic;
    }

    /** Creates the topic when missing. */
    public void ensureTopic() {
        topics.ensureCompacted(topic, settings.startupTimeout());
    }

    /** Every stored value by key, as of now (reads the topic to its end). */
    public Map<String, T> readAll() {
        ensureTopic();
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-reader");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, T> stored = new LinkedHashMap<>();
        Duration timeout = settings.startupTimeout();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read Kafka topic " + topic + " within " + timeout
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

    private T read(ConsumerRecord<String, byte[]> r) {
        try {
            return JSON.readValue(r.value(), type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Kafka topic " + r.topic() + " offset " + r.offset() + " (key '" + r.key() + "'): not a "
                            + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Stores (or replaces) a value; returns once acknowledged. @throws StoreException otherwise */
    public void put(String key, T value) {
        try {
            send(key, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write '" + key + "': " + e.getOriginalMessage(), e);
        }
    }

    /** Removes a value; returns once acknowledged. @throws StoreException otherwise */
    public void delete(String key) {
        send(key, null);
    }

    private void send(String key, byte[] value) {
        try {
            producer()
                    .send(new ProducerRecord<>(topic, key, value))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StoreException(topic, key, e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException(topic, key, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(topic, key, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> p = new HashMap<>(ProducerSettings.of(settings));
            p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
