package dev.quiver.broker.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.kafka.ProducerSettings;
import dev.quiver.broker.kafka.TopicAdmin;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Keyed JSON documents in a compacted Kafka topic, the broker's one store (triggers, sources and sinks, applied
 * brokers, PingSource state). Write = produce and wait for acks=all within {@code quiver.broker.kafka.send-timeout};
 * delete = a tombstone. Read = the whole topic as a snapshot ({@link #readAll}), or a snapshot followed by every
 * later write through any replica ({@link #follow}), so every replica holds the same documents while it runs and a
 * restarted one has them all again.
 */
public final class CompactedTopicStore<T> implements AutoCloseable {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BrokerSettings settings;
    private final TopicAdmin topics;
    private final String topic;
    private final Class<T> type;
    private final String clientId;
    private final LocalWrites written = new LocalWrites();
    private KafkaProducer<String, byte[]> producer;

    /**
     * @param topic    the compacted topic (created when missing)
     * @param type     the documents' JSON type
     * @param clientId the Kafka client id of its producer; its readers add {@code -reader} / {@code -follower}
     */
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

    /**
     * Every stored document by key, as of now (reads the topic to its end); an undecodable record is skipped, logged.
     *
     * @throws IllegalStateException when the topic cannot be read within {@code quiver.broker.kafka.startup-timeout}
     */
    public Map<String, T> readAll() {
        ensureTopic();
        try (KafkaConsumer<String, byte[]> c = consumer(clientId + "-reader")) {
            return TopicFollower.readToEnd(
                    c, topic, this::decode, written, settings.pollTimeout(), settings.startupTimeout());
        }
    }

    /**
     * Hands the whole store to {@link StoreListener#snapshot} before returning, then every later write (through any
     * replica) to {@link StoreListener#changed}, on a thread of its own, until the answer is closed. When following
     * fails it starts over with a new snapshot after a backoff.
     *
     * @throws IllegalStateException when the store cannot be read within the startup timeout
     */
    public AutoCloseable follow(StoreListener<T> listener) {
        ensureTopic();
        return new TopicFollower<>(
                        topic,
                        () -> consumer(clientId + "-follower"),
                        this::decode,
                        written,
                        listener,
                        settings.pollTimeout(),
                        settings.startupTimeout())
                .start();
    }

    /** A consumer without a group (assigned partitions, nothing committed). */
    private KafkaConsumer<String, byte[]> consumer(String id) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, id);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private T decode(ConsumerRecord<String, byte[]> r) {
        try {
            return JSON.readValue(r.value(), type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Kafka topic " + r.topic() + " offset " + r.offset() + " (key '" + r.key() + "'): not a "
                            + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Stores (or replaces) a document; returns once acknowledged. @throws StoreException otherwise */
    public void put(String key, T value) {
        try {
            send(key, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write '" + key + "': " + e.getOriginalMessage(), e);
        }
    }

    /** Removes a document (a tombstone); returns once acknowledged. @throws StoreException otherwise */
    public void delete(String key) {
        send(key, null);
    }

    private void send(String key, byte[] value) {
        try {
            RecordMetadata stored = producer()
                    .send(new ProducerRecord<>(topic, key, value))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            written.wrote(key, stored.partition(), stored.offset());
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
