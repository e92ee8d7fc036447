package dev.quiver.broker.dispatch;

import dev.quiver.broker.delivery.EventDelivery;
import dev.quiver.broker.delivery.Route;
import dev.quiver.broker.filter.EventFilter;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One trigger's consumer: reads the broker topic as the trigger's own consumer group, filters, hands matching
 * events to {@link EventDelivery} as the {@link DeliveryScheduler} allows, and commits only offsets whose events
 * were delivered or dead-lettered. Runs on its own thread, which alone touches the consumer.
 */
public final class TriggerDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TriggerDispatcher.class);
    /**
     * Offsets are committed at most this often while running (and always on revoke and close). Committing after
     * every poll wrote about one offset record per event to Kafka under load; a crash now redelivers at most this
     * much more (at-least-once either way).
     */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    private final Route route;
    private final EventFilter filter;
    private final List<String> topics;
    private final Function<ConsumerRecord<String, byte[]>, CloudEvent> reader;
    private final Consumer<String, byte[]> consumer;
    private final EventDelivery delivery;
    private final DeliveryScheduler<TopicPartition, CloudEvent> scheduler;
    private final Duration pollTimeout;
    private final int maxBuffered;
    private final ConcurrentLinkedQueue<DeliveryScheduler.Work<TopicPartition, CloudEvent>> done =
            new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    private final AtomicLong lag = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private long lastCommitNanos = System.nanoTime();

    public TriggerDispatcher(
            Route route,
            EventFilter filter,
            String topic,
            Consumer<String, byte[]> consumer,
            EventDelivery delivery,
            boolean ordered,
            int maxInFlight,
            Duration pollTimeout) {
        this(
                route,
                filter,
                List.of(topic),
                r -> KafkaMessageFactory.createReader(r).toEvent(),
                consumer,
                delivery,
                ordered,
                maxInFlight,
                pollTimeout);
    }

    /**
     * The same loop over several topics with its own record reader (a KafkaSource turns plain records into events;
     * a reader that throws skips the record).
     */
    public TriggerDispatcher(
            Route route,
            EventFilter filter,
            List<String> topics,
            Function<ConsumerRecord<String, byte[]>, CloudEvent> reader,
            Consumer<String, byte[]> consumer,
            EventDelivery delivery,
            boolean ordered,
            int maxInFlight,
            Duration pollTimeout) {
        this.route = route;
        this.filter = filter;
        this.topics = List.copyOf(topics);
        this.reader = reader;
        this.consumer = consumer;
        this.delivery = delivery;
        this.scheduler = new DeliveryScheduler<>(ordered, maxInFlight);
        this.pollTimeout = pollTimeout;
        this.maxBuffered = Math.max(500, maxInFlight * 2);
        this.thread = new Thread(this::run, "quiver-dispatch-" + route.trigger());
    }

    public void start() {
        thread.start();
    }

    /** Completes when the consumer owns its partitions and knows where to read from. */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    public long lag() {
        return lag.get();
    }

    private void run() {
        try {
            consumer.subscribe(topics, new Listener());
            while (running) {
                loopOnce();
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.errorf(e, "trigger %s: dispatcher failed", route.trigger());
                try {
                    finish();
                } catch (RuntimeException closing) {
                    LOG.debugf("trigger %s: closing the failed consumer: %s", route.trigger(), closing);
                }
                failed.complete(e);
                return;
            }
        }
        finish();
    }

    /**
     * Completes with the cause when the loop (or its rebalance listener) failed and the thread ended; never when it
     * was closed. The {@link SupervisedDispatcher} starts a new one.
     */
    public CompletableFuture<Throwable> failed() {
        return failed;
    }

    private void loopOnce() {
        try {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(pollTimeout)) {
                accept(r);
            }
        } catch (WakeupException woken) {
            // a delivery finished or close() was called
        }
        drainDone();
        for (DeliveryScheduler.Work<TopicPartition, CloudEvent> w : scheduler.start()) {
            delivery.deliver(route, w.item()).whenComplete((v, e) -> {
                done.add(w);
                consumer.wakeup();
            });
        }
        if (System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
            commit(false);
        }
        flowControl();
        updateLag();
    }

    private void accept(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        CloudEvent event;
        try {
            event = reader.apply(r);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "trigger %s: skipping record %s@%d that is not a CloudEvent: %s",
                    route.trigger(), tp, r.offset(), e.getMessage());
            scheduler.skip(tp, r.offset());
            return;
        }
        if (filter.matches(event)) {
            scheduler.add(tp, r.offset(), event);
        } else {
            scheduler.skip(tp, r.offset());
        }
    }

    private void drainDone() {
        DeliveryScheduler.Work<TopicPartition, CloudEvent> w;
        while ((w = done.poll()) != null) {
            scheduler.complete(w.partition(), w.offset());
        }
    }

    private void commit(boolean sync) {
        Map<TopicPartition, Long> positions = scheduler.commitOffsets();
        if (positions.isEmpty()) {
            return;
        }
        lastCommitNanos = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        if (sync) {
            consumer.commitSync(offsets, Duration.ofSeconds(5));
            scheduler.committed(positions);
        } else {
            scheduler.committed(positions);
            consumer.commitAsync(offsets, (o, e) -> {
                if (e != null) {
                    LOG.debugf(
                            "trigger %s: commit failed (will be retried with later offsets): %s",
                            route.trigger(), e.getMessage());
                }
            });
        }
    }

    private void flowControl() {
        Collection<TopicPartition> assigned = consumer.assignment();
        if (scheduler.waiting() >= maxBuffered) {
            consumer.pause(assigned);
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private void updateLag() {
        long total = 0;
        for (TopicPartition tp : consumer.assignment()) {
            total += consumer.currentLag(tp).orElse(0);
        }
        lag.set(total + scheduler.waiting() + scheduler.inFlight());
    }

    private void finish() {
        drainDone();
        for (int i = 0; i < 2; i++) {
            try {
                commit(true);
                break;
            } catch (WakeupException pendingWakeup) {
                // the wake-up from close(); the second try commits
            } catch (RuntimeException e) {
                LOG.debugf("trigger %s: final commit failed: %s", route.trigger(), e.getMessage());
                break;
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    /** Stops reading; events still in flight are not committed and will be delivered again by the next owner. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drainDone();
            try {
                commit(true);
            } catch (RuntimeException e) {
                LOG.debugf("trigger %s: commit on revoke failed: %s", route.trigger(), e.getMessage());
            }
            scheduler.revoke(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                resolvePosition(tp);
            }
            commitStartingPoints(partitions);
            if (!partitions.isEmpty()) {
                ready.complete(null);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            scheduler.revoke(partitions);
        }

        /**
         * A partition the group has no offset for starts where {@code auto.offset.reset} put it; commit that now, so
         * that events published while this trigger is down (broker restarting) are read from there, not skipped by
         * a second {@code latest}.
         */
        private void commitStartingPoints(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            for (int i = 0; i < 3; i++) {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            consumer.committed(new HashSet<>(partitions), Duration.ofSeconds(10));
                    Map<TopicPartition, OffsetAndMetadata> missing = new HashMap<>();
                    for (TopicPartition tp : partitions) {
                        if (committed.get(tp) == null) {
                            missing.put(tp, new OffsetAndMetadata(consumer.position(tp, Duration.ofSeconds(10))));
                        }
                    }
                    if (!missing.isEmpty()) {
                        consumer.commitSync(missing, Duration.ofSeconds(10));
                    }
                    return;
                } catch (WakeupException woken) {
                    // a delivery finished meanwhile; try again
                }
            }
        }

        private void resolvePosition(TopicPartition tp) {
            for (int i = 0; i < 3; i++) {
                try {
                    consumer.position(tp, Duration.ofSeconds(10));
                    return;
                } catch (WakeupException woken) {
                    // a delivery finished meanwhile; try again
                }
            }
        }
    }
}
