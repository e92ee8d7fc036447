package dev.quiver.local.eventing;

import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.BrokerAdminException;
import dev.quiver.local.activator.Activator;
import dev.quiver.local.config.PlatformSettings;
import dev.quiver.local.registry.SpecStore;
import dev.quiver.local.trigger.BrokerTriggers;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The eventing objects deployed through the control API (Knative Brokers, Triggers, PingSources, KafkaSources,
 * KafkaSinks, Quiver Triggers): each kept as written in {@code <data>/eventing/<plural>/<name>.yaml} (so a restarted
 * platform has them), applied to the broker's admin API with refs to functions/Services resolved to the activator
 * ({@link LocalDestinations}), through the one idempotent {@link BrokerAdminClient#apply(String, String, String)},
 * and applied again on the function triggers' resync ({@link BrokerTriggers#alsoOnResync}).
 */
@ApplicationScoped
public class EventingObjects {
    private static final Logger LOG = Logger.getLogger(EventingObjects.class);

    /** What the control API answers about one object: {@code applied}, {@code pending} (broker away), {@code failed}. */
    public record ObjectStatus(String kind, String name, String state, String message, String lastApplied) {}

    /** A deploy's outcome: {@code rejected} (the broker's 400 or a bad document; nothing stored) or the status. */
    public record Deployed(boolean created, ObjectStatus status, String rejected) {}

    private final java.nio.file.Path dataDir;
    private final BrokerTriggers triggers;
    private final LocalDestinations destinations;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ObjectStatus> states = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public EventingObjects(PlatformSettings settings, BrokerTriggers triggers, Activator activator) {
        this(settings.dataDir(), triggers, activator::port);
    }

    /** @param dataDir the platform's data directory; objects are kept in its {@code eventing/} */
    public EventingObjects(java.nio.file.Path dataDir, BrokerTriggers triggers, java.util.function.IntSupplier port) {
        this.dataDir = dataDir;
        this.triggers = triggers;
        this.destinations = new LocalDestinations(port);
    }

    private SpecStore store(String plural) {
        return new SpecStore(dataDir.resolve("eventing").resolve(plural));
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent ev) {
        triggers.alsoOnResync(this::resync);
        Thread restore = new Thread(this::resync, "quiver-eventing-restore");
        restore.setDaemon(true);
        restore.start();
    }

    /** Validates, applies and stores one document; a broker that cannot be reached leaves it stored and pending. */
    public Deployed deploy(String text) throws InterruptedException {
        EventingDocument doc;
        try {
            doc = EventingDocument.read(text);
        } catch (IllegalArgumentException e) {
            return new Deployed(false, null, e.getMessage());
        }
        String plural = doc.kind().plural();
        boolean created = !store(plural).readAllText().containsKey(doc.name());
        Optional<BrokerAdminClient> client = triggers.client();
        if (client.isEmpty()) {
            return new Deployed(
                    false,
                    null,
                    doc.kind().kind() + " needs the broker: none is configured (quiver.platform.broker.url)");
        }
        ObjectStatus status;
        try {
            client.get().apply(plural, doc.name(), doc.resolvedJson(destinations));
            status = new ObjectStatus(
                    doc.kind().kind(),
                    doc.name(),
                    "applied",
                    null,
                    clock.instant().toString());
        } catch (BrokerAdminException e) {
            if (e.invalid()) {
                return new Deployed(false, null, e.error());
            }
            status = new ObjectStatus(doc.kind().kind(), doc.name(), "pending", e.getMessage(), null);
        }
        store(plural).save(doc.name(), text);
        states.put(plural + "/" + doc.name(), status);
        return new Deployed(created, status, null);
    }

    /**
     * Deletes the object from the broker and the store.
     *
     * @return false when none of that kind and name is deployed
     */
    public boolean delete(String plural, String name) throws InterruptedException {
        if (!store(plural).readAllText().containsKey(name)) {
            return false;
        }
        Optional<BrokerAdminClient> client = triggers.client();
        if (client.isPresent()) {
            client.get().delete(plural, name);
        }
        store(plural).remove(name);
        states.remove(plural + "/" + name);
        return true;
    }

    /** Every deployed object with its last outcome, in apply order. */
    public List<ObjectStatus> list() {
        List<ObjectStatus> out = new ArrayList<>();
        for (String plural : EventingKind.APPLY_ORDER) {
            store(plural)
                    .readAllText()
                    .keySet()
                    .forEach(name -> out.add(Optional.ofNullable(states.get(plural + "/" + name))
                            .orElse(new ObjectStatus(plural, name, "pending", null, null))));
        }
        out.sort(Comparator.comparing(ObjectStatus::kind).thenComparing(ObjectStatus::name));
        return out;
    }

    /** Applies every stored object again (idempotent), brokers first. */
    public void resync() {
        Optional<BrokerAdminClient> client = triggers.client();
        if (client.isEmpty()) {
            return;
        }
        for (String plural : EventingKind.APPLY_ORDER) {
            store(plural).readAllText().forEach((name, text) -> {
                String key = plural + "/" + name;
                try {
                    EventingDocument doc = EventingDocument.read(text);
                    BrokerAdminClient.Outcome o = client.get().apply(plural, name, doc.resolvedJson(destinations));
                    states.put(
                            key,
                            new ObjectStatus(
                                    doc.kind().kind(),
                                    name,
                                    "applied",
                                    null,
                                    clock.instant().toString()));
                    if (o != BrokerAdminClient.Outcome.UNCHANGED) {
                        LOG.infof("%s %s: %s", doc.kind().kind(), name, o.name().toLowerCase(java.util.Locale.ROOT));
                    }
                } catch (BrokerAdminException | IllegalArgumentException e) {
                    ObjectStatus last = states.get(key);
                    states.put(
                            key,
                            new ObjectStatus(
                                    last == null ? plural : last.kind(),
                                    name,
                                    "failed",
                                    e.getMessage(),
                                    last == null ? null : last.lastApplied()));
                    LOG.warnf("%s %s: %s", plural, name, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
