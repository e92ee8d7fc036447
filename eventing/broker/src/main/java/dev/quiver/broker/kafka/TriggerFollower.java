package dev.quiver.broker.kafka;

import dev.quiver.api.retry.RetrySchedule;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.trigger.StoreListener;
import java.time.Duration;
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
 * Follows the triggers topic for as long as the broker runs: reads it whole from the beginning (no consumer group:
 * every replica reads every trigger), hands that to {@link StoreListener#snapshot}, then hands each later write to
 * {@link StoreListener#changed} as it arrives, so a trigger created, updated or deleted through any replica reaches
 * every replica within a poll. When the loop fails (Kafka unreachable past the consumer's own retries, a listener
 * error), it starts over from the beginning after a backoff: the listener gets a new snapshot and applies it
 * idempotently.
 */
final class TriggerFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TriggerFollower.class);
    private static final RetrySchedule RESTARTS =
            RetrySchedule.exponential(Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);

    private final String topic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Function<ConsumerRecord<String, byte[]>, TriggerDocument> reader;
    private final StoreListener listener;
    private final Duration poll;
    private final Duration timeout;
    private final CompletableFuture<Void> firstSnapshot = new CompletableFuture<>();
    private final Thread thread;
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean closed;

    TriggerFollower(
            String topic,
            Supplier<Consumer<String, byte[]>> consumers,
            Function<ConsumerRecord<String, byte[]>, TriggerDocument> reader,
            StoreListener listener,
            Duration poll,
            Duration timeout) {
        this.topic = topic;
        this.consumers = consumers;
        this.reader = reader;
        this.listener = listener;
        this.poll = poll;
        this.timeout = timeout;
        this.thread = new Thread(this::run, "quiver-broker-triggers-follower");
        this.thread.setDaemon(true);
    }

    /** Starts following; returns once the first snapshot was handed over (throws past {@code timeout}). */
    TriggerFollower start() {
        thread.start();
        try {
            firstSnapshot.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException("could not read the triggers topic " + topic + " within " + timeout
                    + " (quiver.broker.kafka.startup-timeout)");
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException("cannot read the triggers topic " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while reading the triggers topic " + topic, e);
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
                LOG.warnf(e, "following the triggers topic %s failed, reading it again in %s", topic, delay);
                if (!sleep(delay)) {
                    return;
                }
            }
        }
    }

    /** One pass: read the topic to its end as a snapshot, then every write as it comes. */
    private void follow(Consumer<String, byte[]> c) {
        List<TopicPartition> partitions = c.partitionsFor(topic, timeout).stream()
                .map(i -> new TopicPartition(topic, i.partition()))
                .toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = c.endOffsets(partitions, timeout);
        Map<String, TriggerDocument> snapshot = new LinkedHashMap<>();
        while (partitions.stream().anyMatch(p -> c.position(p, timeout) < end.get(p))) {
            collect(c.poll(poll), snapshot);
        }
        snapshot.values().removeIf(d -> d == null);
        listener.snapshot(snapshot);
        firstSnapshot.complete(null);
        while (!closed) {
            Map<String, TriggerDocument> changes = new LinkedHashMap<>();
            collect(c.poll(poll), changes);
            if (!changes.isEmpty()) {
                listener.changed(changes);
            }
        }
    }

    /** The latest document of each name written (null for a tombstone); undecodable records are skipped, logged. */
    private void collect(ConsumerRecords<String, byte[]> records, Map<String, TriggerDocument> into) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() == null) {
                continue;
            }
            if (r.value() == null) {
                into.put(r.key(), null);
                continue;
            }
            try {
                into.put(r.key(), reader.apply(r));
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
