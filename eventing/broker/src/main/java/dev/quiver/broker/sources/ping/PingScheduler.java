package dev.quiver.broker.sources.ping;

import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.config.SourcesSettings;
import dev.quiver.broker.kafka.TopicAdmin;
import dev.quiver.broker.sources.SourceDelivery;
import dev.quiver.broker.store.CompactedTopicStore;
import io.cloudevents.CloudEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Fires the PingSources. Which replica fires: the ping-state topic ({@code quiver.broker.sources.ping-state-topic})
 * has one partition, and every broker replica joins one consumer group on it; the replica Kafka assigns that
 * partition to is the only one firing (the eager rebalance protocol revokes it from the old owner before giving
 * it to the new one). On assignment the owner reads each source's last fired slot from the topic and fires the
 * slots missed since, bounded ({@link PingSlots}); after each slot is delivered (or given up) it records it there
 * (acks=all) before the next. A crash between delivery and record sends that slot again with the same event id.
 */
@ApplicationScoped
public class PingScheduler {

    private static final Logger LOG = Logger.getLogger(PingScheduler.class);
    static final String GROUP = "quiver-broker-ping-owner";
    private static final Duration TICK = Duration.ofMillis(200);

    private record Ping(String namespace, String name, PingSpec spec) {}

    private final BrokerSettings settings;
    private final SourcesSettings sources;
    private final SourceDelivery delivery;
    private final CompactedTopicStore<PingState> state;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Ping> pings = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFired = new ConcurrentHashMap<>();
    private final Set<String> firing = ConcurrentHashMap.newKeySet();
    private final ExecutorService fire = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "quiver-ping-fire");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean owner;
    private volatile boolean running;
    private Thread thread;
    private Consumer<String, byte[]> consumer;

    public PingScheduler(BrokerSettings settings, TopicAdmin topics, SourceDelivery delivery) {
        this.settings = settings;
        this.sources = settings.sources();
        this.delivery = delivery;
        this.state = new CompactedTopicStore<>(
                settings, topics, sources.pingStateTopic(), PingState.class, "quiver-broker-ping-state");
    }

    /** Starts or replaces a PingSource; a new one's slots count from now (recorded, so a restart keeps it). */
    public void put(String key, String namespace, String name, PingSpec spec) {
        startOwnerLoop();
        if (!pings.containsKey(key) && !lastFired.containsKey(key)) {
            Instant now = clock.instant();
            state.put(key, PingState.of(now));
            lastFired.putIfAbsent(key, now);
        }
        pings.put(key, new Ping(namespace, name, spec));
    }

    /** Starts a stored PingSource (at start, or applied through another replica): its slots count from its recorded state. */
    public void resume(String key, String namespace, String name, PingSpec spec) {
        startOwnerLoop();
        pings.put(key, new Ping(namespace, name, spec));
    }

    /**
     * Stops a PingSource here.
     *
     * @param forget whether to delete its recorded state (the replica that deleted it; the others only stop firing)
     */
    public void remove(String key, boolean forget) {
        pings.remove(key);
        if (forget) {
            state.delete(key);
        }
        lastFired.remove(key);
    }

    /** Whether this replica fires the PingSources now. */
    public boolean owner() {
        return owner;
    }

    public Optional<Instant> lastFired(String key) {
        return Optional.ofNullable(lastFired.get(key));
    }

    private synchronized void startOwnerLoop() {
        if (thread != null) {
            return;
        }
        state.ensureTopic();
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a replica that died without leaving hands the partition over after this
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "quiver-ping-owner");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        consumer.subscribe(List.of(sources.pingStateTopic()), new Ownership());
        while (running) {
            try {
                consumer.poll(TICK); // records ignored: the group only decides the owner
                if (owner) {
                    tick(clock.instant());
                }
            } catch (WakeupException woken) {
                // closing
            } catch (RuntimeException e) {
                LOG.errorf(e, "ping scheduler: %s", e.getMessage());
            }
        }
        owner = false;
        consumer.close(Duration.ofSeconds(5));
    }

    private void tick(Instant now) {
        pings.forEach((key, ping) -> {
            if (firing.contains(key)) {
                return;
            }
            Instant since = lastFired.computeIfAbsent(key, k -> now);
            PingSlots.Decision d = PingSlots.nextSlots(
                    ping.spec().schedule(),
                    ping.spec().zone(),
                    since,
                    now,
                    sources.pingCatchUpMax(),
                    sources.pingCatchUpWindow());
            if (d.skipped() > 0) {
                LOG.warnf(
                        "pingsource %s: %d missed slot(s) since %s not fired (quiver.broker.sources.ping-catch-up-*)",
                        key, d.skipped(), since);
            }
            if (!d.due().isEmpty()) {
                firing.add(key);
                fire.execute(() -> fire(key, ping, d.due()));
            }
        });
    }

    private void fire(String key, Ping ping, List<Instant> slots) {
        try {
            for (Instant slot : slots) {
                if (!owner || pings.get(key) != ping) {
                    return;
                }
                CloudEvent event = PingEvents.event(ping.namespace(), ping.name(), ping.spec(), slot);
                delivery.send("pingsource/" + key, ping.spec().sink(), settings.delivery(), event)
                        .join();
                state.put(key, PingState.of(slot));
                lastFired.put(key, slot);
            }
        } catch (RuntimeException e) {
            LOG.errorf("pingsource %s: slot not recorded, will be tried again: %s", key, e.toString());
        } finally {
            firing.remove(key);
        }
    }

    private final class Ownership implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            lose(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            lose(partitions);
        }

        private void lose(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty() && owner) {
                owner = false;
                LOG.info("ping scheduler: another replica fires the PingSources now");
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<String, PingState> stored = state.readAll();
            lastFired.clear();
            stored.forEach((key, s) -> lastFired.put(key, s.slot()));
            owner = true;
            LOG.infof("ping scheduler: this replica fires the PingSources (%d recorded)", stored.size());
        }
    }

    @PreDestroy
    void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            consumer.wakeup();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // let a slot being sent be recorded, or a restart would send it again
        fire.shutdown();
        try {
            if (!fire.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                fire.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.close();
    }
}
