package dev.quiver.broker.store;

import dev.quiver.api.retry.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Follows a store's topic for as long as the broker runs: reads it whole from the beginning (no consumer group:
 * every replica reads every document), hands that to {@link StoreListener#snapshot}, then hands each later write to
 * {@link StoreListener#changed} as it arrives, so a document written through any replica reaches every replica within
 * a poll. When the loop fails (Kafka unreachable past the consumer's own retries, a listener error), it starts over
 * from the beginning after a backoff of the shared {@link RetrySchedule}: the listener gets a new snapshot and
 * applies it idempotently.
 */
final class TopicFollower<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    private static final RetrySchedule RESTARTS =
            RetrySchedule.exponential(Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);

    private final String topic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Function<ConsumerRecord<String, byte[]>, T> decoder;
    private final LocalWrites written;
    private final StoreListener<T> listener;
    private final Duration poll;
    private final Duration timeout;
    private final CompletableFuture<Void> firstSnapshot = new CompletableFuture<>();
    private final Thread thread;
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean closed;

    TopicFollower(
            String topic,
            Supplier<Consumer<String, byte[]>> consumers,
            Function<ConsumerRecord<String, byte[]>, T> decoder,
            LocalWrites written,
            StoreListener<T> listener,
            Duration poll,
            Duration timeout) {
        this.topic = topic;
        this.consumers = consumers;
        this.decoder = decoder;
        this.written = written;
        this.listener = listener;
        this.poll = poll;
        this.timeout = timeout;
        this.thread = new Thread(this::run, "quiver-store-follower-" + topic);
        this.thread.setDaemon(true);
    }

    /** Starts following; returns once the first snapshot was handed over (throws past {@code timeout}). */
    TopicFollower<T> start() {
        thread.start();
        try {
            firstSnapshot.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException("could not read Kafka topic " + topic + " within " + timeout
                    + " (quiver.broker.kafka.startup-timeout)");
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException("cannot read Kafka topic " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while reading Kafka topic " + topic, e);
        }
        return this;
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            try (Consumer<String, byte[]> c = consumers.get()) {
                consumer = c;
                if (closed) {
                    return;
                }
                follow(c);
            } catch (WakeupException e) {
                if (closed) {
                    return;
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                failures++;
                Duration delay = RESTARTS.delayBefore(
                        failures, ThreadLocalRandom.current().nextDouble());
                LOG.warnf(e, "following Kafka topic %s failed, reading it again in %s", topic, delay);
                if (!sleep(delay)) {
                    return;
                }
            }
        }
    }

    /** One pass: read the topic to its end as a snapshot, then every write as it comes. */
    private void follow(Consumer<String, byte[]> c) {
        listener.snapshot(readToEnd(c, topic, decoder, written, poll, timeout));
        firstSnapshot.complete(null);
        while (!closed) {
            Map<String, T> changes = new LinkedHashMap<>();
            collect(c.poll(poll), decoder, written, changes);
            if (!changes.isEmpty()) {
                listener.changed(changes);
            }
        }
    }

    /**
     * Assigns every partition of {@code topic} to {@code c} and reads them from the beginning to their current end
     * (and at least past this replica's own last write).
     *
     * @return the latest document of each key still stored
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    static <T> Map<String, T> readToEnd(
            Consumer<String, byte[]> c,
            String topic,
            Function<ConsumerRecord<String, byte[]>, T> decoder,
            LocalWrites written,
            Duration poll,
            Duration timeout) {
        List<TopicPartition> partitions = c.partitionsFor(topic, timeout).stream()
                .map(i -> new TopicPartition(topic, i.partition()))
                .toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>();
        c.endOffsets(partitions, timeout).forEach((p, o) -> end.put(p, written.readTo(p.partition(), o)));
        Instant deadline = Instant.now().plus(timeout);
        Map<String, T> stored = new LinkedHashMap<>();
        while (partitions.stream().anyMatch(p -> c.position(p, timeout) < end.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read Kafka topic " + topic + " within " + timeout
                        + " (quiver.broker.kafka.startup-timeout)");
            }
            collect(c.poll(poll), decoder, LocalWrites.NONE, stored);
        }
        stored.values().removeIf(d -> d == null);
        return stored;
    }

    /** The latest document of each key written (null for a tombstone); undecodable records are skipped, logged. */
    private static <T> void collect(
            ConsumerRecords<String, byte[]> records,
            Function<ConsumerRecord<String, byte[]>, T> decoder,
            LocalWrites written,
            Map<String, T> into) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() == null || written.superseded(r.key(), r.offset())) {
                continue;
            }
            if (r.value() == null) {
                into.put(r.key(), null);
                continue;
            }
            try {
                into.put(r.key(), decoder.apply(r));
            } catch (IllegalStateException e) {
                LOG.errorf("skipped: %s", e.getMessage());
            }
        }
    }

    private boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
