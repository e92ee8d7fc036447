package dev.quiver.broker.kafka;

import dev.quiver.broker.config.BrokerSettings;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events to Kafka in the CloudEvents Kafka binary mode ({@code ce_} headers) with acks=all; the
 * {@code partitionkey} extension becomes the record key. The returned future completes only once Kafka
 * acknowledged the write, and fails (never hangs) when Kafka does not answer within the send timeout.
 * <p>
 * Sends do not wait for each other's acks: the idempotent producer keeps per-partition order with several requests
 * in flight. send() is called on the caller's thread when it cannot block ({@link SendPath}), else on the send thread.
 */
@ApplicationScoped
public class EventPublisher {

    public static final String PARTITION_KEY = "partitionkey";
    private static final int HEADER_OVERHEAD = 16;
    private static final long NEVER = Long.MIN_VALUE;

    private final KafkaProducer<String, byte[]> producer;
    private final Duration sendTimeout;
    private final long bufferMemory;
    private final AtomicLong bytesInFlight = new AtomicLong();
    // per topic: System.nanoTime() of Kafka's last ack (NEVER: none yet)
    private final Map<String, AtomicLong> lastAckNanos = new ConcurrentHashMap<>();
    // for sends that may block (topic metadata unknown, buffer nearly full): one thread, so that the events of one
    // request keep their order on their way into the producer.
    // bounded (quiver.broker.ingress.max-queued-sends): a Kafka brownout answers 503 instead of filling the heap
    private final ThreadPoolExecutor sender;

    public EventPublisher(BrokerSettings settings) {
        this.sender = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.maxQueuedSends()), r -> {
                    Thread t = new Thread(r, "quiver-kafka-send");
                    t.setDaemon(true);
                    return t;
                });
        Map<String, Object> config = ProducerSettings.of(settings);
        this.sendTimeout = settings.sendTimeout();
        this.bufferMemory = ProducerSettings.bufferMemory(config);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public CompletableFuture<Void> publish(String topic, CloudEvent event) {
        return publishAll(topic, List.of(event));
    }

    /** Sends the events in their order; completes when Kafka acknowledged every one, fails if one failed. */
    public CompletableFuture<Void> publishAll(String topic, List<CloudEvent> events) {
        int n = events.size();
        @SuppressWarnings("unchecked")
        ProducerRecord<String, byte[]>[] records = new ProducerRecord[n];
        long size = 0;
        for (int i = 0; i < n; i++) {
            records[i] = record(topic, events.get(i));
            size += size(records[i]);
        }
        AtomicLong lastAck = lastAckNanos.computeIfAbsent(topic, t -> new AtomicLong(NEVER));
        long last = lastAck.get();
        SendPath path = SendPath.choose(
                last == NEVER ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - last)),
                bytesInFlight.get(),
                size,
                bufferMemory);
        CompletableFuture<Void>[] acks = acks(n);
        Runnable send = () -> {
            for (int i = 0; i < n; i++) {
                send(records[i], acks[i], lastAck);
            }
        };
        if (path == SendPath.DIRECT) {
            send.run();
            return n == 1 ? acks[0] : CompletableFuture.allOf(acks);
        }
        try {
            sender.execute(send);
        } catch (RejectedExecutionException full) {
            return CompletableFuture.failedFuture(
                    new SendQueueFullException(sender.getQueue().size()));
        }
        // queued behind sends that block up to max.block.ms each: bound the wait for this one
        return CompletableFuture.allOf(acks).orTimeout(sendTimeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Void>[] acks(int n) {
        CompletableFuture<Void>[] acks = new CompletableFuture[n];
        for (int i = 0; i < n; i++) {
            acks[i] = new CompletableFuture<>();
        }
        return acks;
    }

    private void send(ProducerRecord<String, byte[]> record, CompletableFuture<Void> acked, AtomicLong lastAck) {
        long size = size(record);
        bytesInFlight.addAndGet(size);
        try {
            producer.send(record, (metadata, error) -> {
                bytesInFlight.addAndGet(-size);
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    lastAck.set(System.nanoTime());
                    acked.complete(null);
                }
            });
        } catch (RuntimeException e) {
            bytesInFlight.addAndGet(-size);
            acked.completeExceptionally(e);
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic, CloudEvent event) {
        Object key = event.getExtension(PARTITION_KEY);
        return KafkaMessageFactory.<String>createWriter(topic, key == null ? null : key.toString())
                .writeBinary(event);
    }

    private static long size(ProducerRecord<String, byte[]> r) {
        long size = r.value() == null ? 0 : r.value().length;
        for (Header h : r.headers()) {
            size += h.key().length() + (h.value() == null ? 0 : h.value().length) + HEADER_OVERHEAD;
        }
        return size;
    }

    @PreDestroy
    void close() {
        sender.shutdown();
        producer.close(Duration.ofSeconds(5));
    }
}
