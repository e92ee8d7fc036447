package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.delivery.DeadLetterSink;
import dev.quiver.broker.dispatch.Dispatchers;
import dev.quiver.broker.dispatch.SupervisedDispatcher;
import dev.quiver.broker.kafka.TopicAdmin;
import dev.quiver.broker.store.CompactedTopicStore;
import dev.quiver.broker.store.StoreListener;
import dev.quiver.broker.store.StoredChange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The live triggers: creating one starts its dispatcher at once, deleting one stops it. Every replica follows the
 * trigger store ({@link #follow()}), so a trigger created, updated or deleted through another replica starts, changes
 * or stops here too; each trigger's consumer group is the same on every replica, so Kafka shares its partitions.
 */
@ApplicationScoped
public class Triggers implements StoreListener<TriggerDocument> {

    private static final Logger LOG = Logger.getLogger(Triggers.class);

    /** @param configured from the triggers file: configuration, never stored, never changed by the store */
    private record Live(Trigger trigger, SupervisedDispatcher dispatcher, boolean configured) {}

    private final BrokerSettings settings;
    private final Dispatchers dispatchers;
    private final TopicAdmin topics;
    private final CompactedTopicStore<TriggerDocument> store;
    private final LiveBrokers brokers;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    /** Stored triggers not running here (invalid here, e.g. their broker not applied yet): tried again later. */
    private final Map<String, TriggerDocument> waiting = new ConcurrentHashMap<>();

    private AutoCloseable following;

    public Triggers(BrokerSettings settings, Dispatchers dispatchers, TopicAdmin topics, LiveBrokers brokers) {
        this.settings = settings;
        this.brokers = brokers;
        this.dispatchers = dispatchers;
        this.topics = topics;
        this.store = new CompactedTopicStore<>(
                settings, topics, settings.triggersTopic(), TriggerDocument.class, "quiver-broker-triggers");
        brokers.onChange(this::retryWaiting);
    }

    /**
     * Validates and starts a trigger.
     *
     * @return completes when the trigger's consumer owns its partitions (events published after that reach it)
     * @throws InvalidTriggerException  with the reason
     * @throws TriggerConflictException when a trigger of that name exists
     * @throws dev.quiver.broker.store.StoreException when the store did not acknowledge it (nothing started)
     */
    public synchronized CompletableFuture<Void> create(TriggerDocument resource) {
        Trigger trigger = TriggerParser.parse(resource, settings, brokers);
        if (live.containsKey(trigger.name())) {
            throw new TriggerConflictException(trigger.name());
        }
        store.put(trigger.name(), trigger.document().withStatus(null));
        waiting.remove(trigger.name());
        return start(trigger, false);
    }

    /** Starts a trigger of the triggers file: configuration, which the store never overrides nor stops. */
    public synchronized void startConfigured(TriggerDocument resource) {
        Trigger trigger = TriggerParser.parse(resource, settings, brokers);
        Live before = live.get(trigger.name());
        if (before != null) {
            stop(before);
        }
        start(trigger, true);
    }

    /**
     * Starts every stored trigger and keeps following the store until shutdown; returns once the stored triggers are
     * started.
     */
    public void follow() {
        AutoCloseable f = store.follow(this);
        synchronized (this) {
            following = f;
        }
    }

    @Override
    public synchronized void snapshot(Map<String, TriggerDocument> stored) {
        waiting.keySet().retainAll(stored.keySet());
        for (String name : List.copyOf(live.keySet())) {
            if (!stored.containsKey(name)) {
                applySafely(name, null);
            }
        }
        stored.forEach(this::applySafely);
    }

    @Override
    public synchronized void changed(Map<String, TriggerDocument> changes) {
        changes.forEach(this::applySafely);
    }

    /** Brokers changed (applied through any replica): start the stored triggers that waited for theirs. */
    synchronized void retryWaiting() {
        Map.copyOf(waiting).forEach(this::applySafely);
    }

    /** One trigger that cannot be applied (its dead-letter topic not creatable...) does not hold up the others. */
    private void applySafely(String name, TriggerDocument stored) {
        try {
            apply(name, stored);
        } catch (RuntimeException e) {
            LOG.errorf(e, "stored trigger '%s' could not be applied; it is tried again when it changes", name);
        }
    }

    /** Brings the trigger {@code name} in line with its stored document (null: deleted). */
    private void apply(String name, TriggerDocument stored) {
        Live l = live.get(name);
        if (stored == null) {
            waiting.remove(name);
        }
        StoredChange change = StoredChange.of(
                l == null ? null : l.trigger().document(),
                l != null && l.configured(),
                stored,
                TriggerDocument::sameTriggerAs);
        switch (change) {
            case KEEP -> {}
            case CONFIGURED ->
                LOG.warnf("stored trigger '%s' not started: the triggers file defines one of that name", name);
            case STOP -> {
                LOG.infof("trigger '%s' deleted through another replica: stopping it", name);
                stop(live.remove(name));
            }
            case START, REPLACE -> {
                Trigger trigger;
                try {
                    trigger = TriggerParser.parse(stored, settings, brokers);
                } catch (InvalidTriggerException e) {
                    LOG.errorf(
                            "stored trigger '%s' (topic %s) is not valid here, not started (tried again when brokers"
                                    + " change): %s",
                            name, settings.triggersTopic(), e.getMessage());
                    waiting.put(name, stored);
                    if (l != null) {
                        stop(live.remove(name));
                    }
                    return;
                }
                if (l != null) {
                    LOG.infof("trigger '%s' changed through another replica: restarting its dispatcher", name);
                    stop(live.remove(name));
                }
                waiting.remove(name);
                start(trigger, false);
            }
        }
    }

    private void stop(Live l) {
        dispatchers.stop(l.trigger(), l.dispatcher());
    }

    private CompletableFuture<Void> start(Trigger trigger, boolean configured) {
        trigger.delivery().deadLetterSink().ifPresent(sink -> {
            if (sink instanceof DeadLetterSink.KafkaTopic t) {
                topics.ensure(t.topic(), settings.startupTimeout());
            }
        });
        SupervisedDispatcher dispatcher = dispatchers.start(trigger);
        live.put(trigger.name(), new Live(trigger, dispatcher, configured));
        return dispatcher.firstReady();
    }

    /** @throws dev.quiver.broker.store.StoreException when the store did not acknowledge the delete (the trigger stays) */
    public synchronized boolean delete(String name) {
        if (!live.containsKey(name)) {
            return false;
        }
        store.delete(name);
        Live removed = live.remove(name);
        dispatchers.stop(removed.trigger(), removed.dispatcher());
        return true;
    }

    public Optional<TriggerDocument> get(String name) {
        return Optional.ofNullable(live.get(name)).map(this::withStatus);
    }

    public List<TriggerDocument> list() {
        return live.values().stream()
                .sorted(Comparator.comparing(l -> l.trigger().name()))
                .map(this::withStatus)
                .toList();
    }

    private TriggerDocument withStatus(Live l) {
        Trigger t = l.trigger();
        return t.document()
                .withStatus(new TriggerDocument.Status(
                        l.dispatcher().ready(),
                        t.subscriber().toString(),
                        settings.topic(t.broker()),
                        t.consumerGroup(),
                        l.dispatcher()
                                .cause()
                                .map(e -> "dispatcher failed, restarting: " + e)
                                .orElse(null)));
    }

    @PreDestroy
    void stopAll() {
        AutoCloseable f;
        synchronized (this) {
            f = following;
            following = null;
        }
        if (f != null) {
            try {
                f.close();
            } catch (Exception e) {
                LOG.warnf("stopping following the triggers store: %s", e);
            }
        }
        synchronized (this) {
            stopLive();
        }
        store.close();
    }

    private void stopLive() {
        live.values().parallelStream().forEach(l -> dispatchers.stop(l.trigger(), l.dispatcher()));
        live.clear();
    }
}
