package dev.quiver.broker.trigger;

import dev.quiver.api.eventing.BrokerDocument;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.kafka.TopicAdmin;
import dev.quiver.broker.store.CompactedTopicStore;
import dev.quiver.broker.store.StoreListener;
import dev.quiver.broker.store.StoredChange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The brokers events can be posted to: those of {@code quiver.broker.brokers} (always there) and those applied as
 * Knative Broker documents ({@code /admin/v1/brokers}). An applied broker gets its topic at once and is stored in the
 * brokers topic ({@code quiver.broker.kafka.brokers-topic}, compacted), which every replica follows ({@link #follow()}):
 * a broker applied or deleted through one replica exists or is gone on all of them, and a restarted one has it again
 * before its stored triggers start. A document applied for a configured broker sets its delivery and is answered back.
 */
@ApplicationScoped
public class LiveBrokers implements BrokerLookup, StoreListener<BrokerDocument> {

    private static final Logger LOG = Logger.getLogger(LiveBrokers.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final BrokerSettings settings;
    private final TopicAdmin topics;
    private final CompactedTopicStore<BrokerDocument> store;
    private final Map<String, BrokerDocument> applied = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private AutoCloseable following;

    public LiveBrokers(BrokerSettings settings, TopicAdmin topics) {
        this.settings = settings;
        this.topics = topics;
        this.store = new CompactedTopicStore<>(
                settings, topics, settings.brokersTopic(), BrokerDocument.class, "quiver-broker-brokers");
    }

    /** Runs {@code listener} (outside this object's lock) after brokers came or went through the store. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Applies every stored broker and keeps following the store until shutdown; returns once they are applied. */
    public void follow() {
        AutoCloseable f = store.follow(this);
        synchronized (this) {
            following = f;
        }
    }

    @Override
    public void snapshot(Map<String, BrokerDocument> stored) {
        Map<String, BrokerDocument> all = new HashMap<>(stored);
        for (String name : applied.keySet()) {
            all.putIfAbsent(name, null);
        }
        changed(all);
    }

    @Override
    public void changed(Map<String, BrokerDocument> changes) {
        boolean any = false;
        synchronized (this) {
            for (Map.Entry<String, BrokerDocument> e : changes.entrySet()) {
                try {
                    any |= bringInLine(e.getKey(), e.getValue());
                } catch (RuntimeException ex) {
                    LOG.errorf(ex, "stored broker '%s' could not be applied; tried again when it changes", e.getKey());
                }
            }
        }
        if (any) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Brings the broker {@code name} in line with its stored document (null: deleted); whether anything changed. */
    private boolean bringInLine(String name, BrokerDocument stored) {
        StoredChange change = StoredChange.of(applied.get(name), false, stored, BrokerDocument::sameBrokerAs);
        switch (change) {
            case START, REPLACE -> {
                if (!settings.brokers().contains(name)) {
                    topics.ensure(settings.topic(name), settings.startupTimeout());
                }
                applied.put(name, stored);
                return true;
            }
            case STOP -> {
                applied.remove(name);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public Set<String> names() {
        Set<String> all = new TreeSet<>(settings.brokers());
        all.addAll(applied.keySet());
        return all;
    }

    public boolean exists(String name) {
        return settings.brokers().contains(name) || applied.containsKey(name);
    }

    @Override
    public Optional<TriggerDocument.Delivery> delivery(String broker) {
        return Optional.ofNullable(applied.get(broker))
                .map(BrokerDocument::spec)
                .map(BrokerDocument.Spec::delivery);
    }

    /** What {@link #apply} did: created a broker, changed its document, or found it the same. */
    public enum Applied {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * Validates, stores and applies a Broker document (idempotent).
     *
     * @throws InvalidTriggerException naming the field
     * @throws dev.quiver.broker.store.StoreException when the store did not acknowledge it (nothing changed)
     */
    public synchronized Applied apply(BrokerDocument doc) {
        BrokerDocument normalized = validate(doc);
        String name = normalized.name();
        BrokerDocument before = applied.get(name);
        if (before != null && before.sameBrokerAs(normalized)) {
            return Applied.UNCHANGED;
        }
        boolean existed = exists(name);
        if (!existed) {
            topics.ensure(settings.topic(name), settings.startupTimeout());
        }
        store.put(name, normalized);
        applied.put(name, normalized);
        return existed ? Applied.UPDATED : Applied.CREATED;
    }

    /** Checks the document the way a trigger's delivery is checked; answers it without status. */
    BrokerDocument validate(BrokerDocument doc) {
        if (doc == null) {
            throw new InvalidTriggerException("not a Broker resource");
        }
        if (doc.kind() != null && !BrokerDocument.KIND.equals(doc.kind())) {
            throw new InvalidTriggerException("kind: must be Broker, got '" + doc.kind() + "'");
        }
        if (doc.apiVersion() != null && !BrokerDocument.API_VERSION.equals(doc.apiVersion())) {
            throw new InvalidTriggerException(
                    "apiVersion: must be " + BrokerDocument.API_VERSION + ", got '" + doc.apiVersion() + "'");
        }
        String name = doc.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidTriggerException(
                    "metadata.name: must be a DNS label (lowercase letters, digits, '-'), got '" + name + "'");
        }
        if (doc.spec() != null && doc.spec().delivery() != null) {
            TriggerParser.checkDelivery(doc.spec().delivery(), settings);
        }
        return new BrokerDocument(BrokerDocument.API_VERSION, BrokerDocument.KIND, doc.metadata(), doc.spec(), null);
    }

    /**
     * Forgets an applied broker (its topic stays); a configured one cannot be deleted.
     *
     * @throws dev.quiver.broker.store.StoreException when the store did not acknowledge it (the broker stays)
     */
    public synchronized Optional<Boolean> delete(String name) {
        if (settings.brokers().contains(name)) {
            return Optional.empty();
        }
        if (!applied.containsKey(name)) {
            return Optional.of(false);
        }
        store.delete(name);
        return Optional.of(applied.remove(name) != null);
    }

    /** Every broker as a document (a configured one that was never applied: name only). */
    public List<BrokerDocument> list() {
        return names().stream()
                .map(this::document)
                .sorted(Comparator.comparing(BrokerDocument::name))
                .toList();
    }

    public Optional<BrokerDocument> get(String name) {
        return exists(name) ? Optional.of(document(name)) : Optional.empty();
    }

    private BrokerDocument document(String name) {
        BrokerDocument d = applied.get(name);
        return d != null ? d : BrokerDocument.of(name, null);
    }

    @PreDestroy
    void close() {
        AutoCloseable f;
        synchronized (this) {
            f = following;
            following = null;
        }
        if (f != null) {
            try {
                f.close();
            } catch (Exception e) {
                LOG.warnf("stopping following the brokers store: %s", e);
            }
        }
        store.close();
    }
}
