package dev.quiver.broker.sources.sink;

import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.kafka.EventPublisher;
import dev.quiver.broker.kafka.ProducerSettings;
import dev.quiver.broker.kafka.TopicAdmin;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The live KafkaSinks and their writers: one acks=all idempotent producer per Kafka cluster (the broker's
 * {@link ProducerSettings}, the sink's bootstrap servers). A write completes only once Kafka acknowledged it.
 */
@ApplicationScoped
public class KafkaSinks {

    private static final JsonFormat STRUCTURED = new JsonFormat();

    private final BrokerSettings settings;
    private final TopicAdmin topics;
    private final Map<String, KafkaSinkSpec> live = new ConcurrentHashMap<>();
    private final Map<String, KafkaProducer<String, byte[]>> producers = new ConcurrentHashMap<>();

    public KafkaSinks(BrokerSettings settings, TopicAdmin topics) {
        this.settings = settings;
        this.topics = topics;
    }

    /** Starts (or replaces) a sink; its topic is created on the broker's cluster when missing. */
    public void put(String name, KafkaSinkSpec spec) {
        if (spec.bootstrapServers().equals(settings.bootstrapServers())) {
            topics.ensure(spec.topic(), settings.startupTimeout());
        }
        live.put(name, spec);
    }

    public void remove(String name) {
        live.remove(name);
    }

    public Optional<KafkaSinkSpec> get(String name) {
        return Optional.ofNullable(live.get(name));
    }

    /** Writes the event to the sink's topic; fails when the sink is unknown or Kafka did not acknowledge. */
    public CompletableFuture<Void> write(String name, CloudEvent event) {
        KafkaSinkSpec spec = live.get(name);
        if (spec == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no KafkaSink '" + name + "'"));
        }
        Object key = event.getExtension(EventPublisher.PARTITION_KEY);
        var writer = KafkaMessageFactory.<String>createWriter(spec.topic(), key == null ? null : key.toString());
        ProducerRecord<String, byte[]> record =
                spec.structured() ? writer.writeStructured(event, STRUCTURED) : writer.writeBinary(event);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer(spec.bootstrapServers()).send(record, (metadata, error) -> {
                if (error == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private KafkaProducer<String, byte[]> producer(String bootstrap) {
        return producers.computeIfAbsent(bootstrap, b -> {
            Map<String, Object> p = new HashMap<>(ProducerSettings.of(settings));
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "quiver-broker-kafkasinks");
            return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        });
    }

    @PreDestroy
    void close() {
        producers.values().forEach(p -> p.close(Duration.ofSeconds(2)));
    }
}
