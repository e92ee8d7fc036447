package dev.quiver.broker.kafka;

import dev.quiver.broker.config.BrokerSettings;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events to Kafka in the CloudEvents Kafka binary mode ({@code ce_} headers) with acks=all; the
 * {@code partitionkey} extension becomes the record key. The returned future completes only once Kafka
 * acknowledged the write, and fails (never hangs) when Kafka does not answer within the send timeout.
 */
@ApplicationScoped
public class EventPublisher {

    public static final String PARTITION_KEY = "partitionkey";

    private final KafkaProducer<String, byte[]> producer;
    private final Duration sendTimeout;
    // send() may block on metadata while Kafka is away: keep that off the event loop. One thread, so that
    // events keep their arrival order (a batch's events, same partition key) on their way into the producer.
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quiver-kafka-send");
        t.setDaemon(true);
        return t;
    });

    public EventPublisher(BrokerSettings settings) {
        this.sendTimeout = settings.sendTimeout();
        this.producer = new KafkaProducer<>(producerConfig(settings), new StringSerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> producerConfig(BrokerSettings settings) {
        long timeout = settings.sendTimeout().toMillis();
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1, timeout - 1)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "quiver-broker-ingress");
        p.putAll(settings.producer());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }

    public CompletableFuture<Void> publish(String topic, CloudEvent event) {
        Object key = event.getExtension(PARTITION_KEY);
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .<String>createWriter(topic, key == null ? null : key.toString())
                .writeBinary(event);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        sender.execute(() -> {
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        acked.completeExceptionally(error);
                    } else {
                        acked.complete(null);
                    }
                });
            } catch (RuntimeException e) {
                acked.completeExceptionally(e);
            }
        });
        return acked.orTimeout(sendTimeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        sender.shutdown();
        producer.close(Duration.ofSeconds(5));
    }
}
