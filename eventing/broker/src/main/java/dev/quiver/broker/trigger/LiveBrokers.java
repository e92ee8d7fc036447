package dev.quiver.broker.trigger;

import dev.quiver.api.eventing.BrokerDocument;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.kafka.TopicAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The brokers events can be posted to: those of {@code quiver.broker.brokers} (always there) and those applied as
 * Knative Broker documents ({@code /admin/v1/brokers}). An applied broker gets its topic at once; it lives in memory,
 * the platforms (the local control API's eventing specs, the Kubernetes controller) apply it again after a restart.
 * A document applied for a configured broker sets its delivery and is answered back.
 */
@ApplicationScoped
public class LiveBrokers implements BrokerLookup {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final BrokerSettings settings;
    private final TopicAdmin topics;
    private final Map<String, BrokerDocument> applied = new ConcurrentHashMap<>();

    public LiveBrokers(BrokerSettings settings, TopicAdmin topics) {
        this.settings = settings;
        this.topics = topics;
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
     * Validates and applies a Broker document (idempotent).
     *
     * @throws InvalidTriggerException naming the field
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

    /** Forgets an applied broker; a configured one cannot be deleted. */
    public synchronized Optional<Boolean> delete(String name) {
        if (settings.brokers().contains(name)) {
            return Optional.empty();
        }
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
}
