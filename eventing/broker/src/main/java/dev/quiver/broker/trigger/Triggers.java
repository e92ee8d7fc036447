package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.delivery.DeadLetterSink;
import dev.quiver.broker.dispatch.Dispatchers;
import dev.quiver.broker.dispatch.SupervisedDispatcher;
import dev.quiver.broker.kafka.TopicAdmin;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The live triggers: creating one starts its dispatcher at once, deleting one stops it. */
@ApplicationScoped
public class Triggers {

    private record Live(Trigger trigger, SupervisedDispatcher dispatcher) {}

    private final BrokerSettings settings;
    private final Dispatchers dispatchers;
    private final TopicAdmin topics;
    private final TriggerStore store;
    private final LiveBrokers brokers;
    private final Map<String, Live> live = new ConcurrentHashMap<>();

    public Triggers(
            BrokerSettings settings,
            Dispatchers dispatchers,
            TopicAdmin topics,
            TriggerStore store,
            LiveBrokers brokers) {
        this.settings = settings;
        this.brokers = brokers;
        this.dispatchers = dispatchers;
        this.topics = topics;
        this.store = store;
    }

    /**
     * Validates and starts a trigger.
     *
     * @return completes when the trigger's consumer owns its partitions (events published after that reach it)
     * @throws InvalidTriggerException  with the reason
     * @throws TriggerConflictException when a trigger of that name exists
     * @throws TriggerStoreException    when the trigger store did not acknowledge it (nothing started)
     */
    public synchronized CompletableFuture<Void> create(TriggerDocument resource) {
        Trigger trigger = TriggerParser.parse(resource, settings, brokers);
        if (live.containsKey(trigger.name())) {
            throw new TriggerConflictException(trigger.name());
        }
        store.put(trigger.name(), trigger.document());
        return start(trigger);
    }

    /**
     * Starts a trigger without storing it: one read back from the store at start, or one of the triggers file
     * (configuration, not state). A name already live is left as it is.
     *
     * @return whether it was started
     */
    public synchronized boolean startUnstored(TriggerDocument resource) {
        Trigger trigger = TriggerParser.parse(resource, settings, brokers);
        if (live.containsKey(trigger.name())) {
            return false;
        }
        start(trigger);
        return true;
    }

    /** The triggers the store holds, as written. */
    public Map<String, TriggerDocument> stored() {
        return store.readAll();
    }

    private CompletableFuture<Void> start(Trigger trigger) {
        trigger.delivery().deadLetterSink().ifPresent(sink -> {
            if (sink instanceof DeadLetterSink.KafkaTopic t) {
                topics.ensure(t.topic(), settings.startupTimeout());
            }
        });
        SupervisedDispatcher dispatcher = dispatchers.start(trigger);
        live.put(trigger.name(), new Live(trigger, dispatcher));
        return dispatcher.firstReady();
    }

    /** @throws TriggerStoreException when the store did not acknowledge the delete (the trigger stays) */
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
    synchronized void stopAll() {
        live.values().parallelStream().forEach(l -> dispatchers.stop(l.trigger(), l.dispatcher()));
        live.clear();
    }
}
