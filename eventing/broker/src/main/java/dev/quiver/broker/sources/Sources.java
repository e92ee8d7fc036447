package dev.quiver.broker.sources;

import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.kafka.TopicAdmin;
import dev.quiver.broker.sources.kafka.KafkaSourceSpec;
import dev.quiver.broker.sources.kafka.KafkaSources;
import dev.quiver.broker.sources.ping.PingScheduler;
import dev.quiver.broker.sources.ping.PingSpec;
import dev.quiver.broker.sources.sink.KafkaSinkSpec;
import dev.quiver.broker.sources.sink.KafkaSinks;
import dev.quiver.broker.store.CompactedTopicStore;
import dev.quiver.broker.store.StoreListener;
import dev.quiver.broker.store.StoredChange;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live PingSources, KafkaSources and KafkaSinks: an upsert is validated, stored in the sources topic
 * ({@code quiver.broker.sources.topic}, compacted) and then started, replacing the running one; the same document
 * again changes nothing (no store write, no restart). Every replica follows that topic: a source or sink applied or
 * deleted through one starts, changes or stops on all of them while they run, and a restarted one starts every stored
 * one again.
 */
@ApplicationScoped
public class Sources implements StoreListener<SourceResource> {

    private static final Logger LOG = Logger.getLogger(Sources.class);

    /** What an upsert did; the admin API answers 201, 200 and 200. */
    public enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    private record Live(SourceResource resource, SinkTarget sink, String since) {}

    private final BrokerSettings settings;
    private final CompactedTopicStore<SourceResource> store;
    private final PingScheduler pings;
    private final KafkaSources kafkaSources;
    private final KafkaSinks kafkaSinks;
    private final SourceDelivery delivery;
    private final String ingressBase;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private AutoCloseable following;

    public Sources(
            BrokerSettings settings,
            TopicAdmin topics,
            PingScheduler pings,
            KafkaSources kafkaSources,
            KafkaSinks kafkaSinks,
            SourceDelivery delivery,
            @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        this.settings = settings;
        this.pings = pings;
        this.kafkaSources = kafkaSources;
        this.kafkaSinks = kafkaSinks;
        this.delivery = delivery;
        this.store = new CompactedTopicStore<>(
                settings, topics, settings.sources().topic(), SourceResource.class, "quiver-broker-sources");
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        this.ingressBase = settings.sources().ingressUrl().orElse("http://" + h + ":" + port);
    }

    void start(@Observes StartupEvent event) {
        AutoCloseable f = store.follow(this);
        synchronized (this) {
            following = f;
        }
        if (!live.isEmpty()) {
            LOG.infof("%d source(s) and sink(s) started from %s", live.size(), store.topic());
        }
    }

    @Override
    public synchronized void snapshot(Map<String, SourceResource> stored) {
        Map<String, SourceResource> all = new HashMap<>(stored);
        live.keySet().forEach(key -> all.putIfAbsent(key, null));
        changed(all);
    }

    @Override
    public synchronized void changed(Map<String, SourceResource> changes) {
        // sinks first: sources may point at them
        changes.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, SourceResource> e) ->
                                !e.getKey().startsWith(SourceKind.KAFKA_SINK.plural() + "/"))
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    try {
                        bringInLine(e.getKey(), e.getValue());
                    } catch (RuntimeException ex) {
                        LOG.errorf(
                                "stored %s (topic %s) not applied, tried again when it changes: %s",
                                e.getKey(), store.topic(), ex.getMessage());
                    }
                });
    }

    /** Brings {@code key} ({@code <plural>/<name>}) in line with its stored document (null: deleted). */
    private void bringInLine(String key, SourceResource stored) {
        SourceKind kind = SourceKind.byPlural(key.substring(0, Math.max(0, key.indexOf('/'))))
                .orElseThrow(() -> new InvalidSourceException("not a source key: '" + key + "'"));
        SourceResource wanted = stored == null ? null : SourceDocuments.check(kind, stored);
        Live running = live.get(key);
        StoredChange change =
                StoredChange.of(running == null ? null : running.resource().desired(), false, wanted, Objects::equals);
        switch (change) {
            case START, REPLACE -> run(kind, wanted, true);
            case STOP -> {
                live.remove(key);
                stopLocal(kind, key, running.resource().name(), false);
            }
            default -> {}
        }
    }

    /**
     * @throws InvalidSourceException with the field and the reason (nothing stored)
     * @throws dev.quiver.broker.store.StoreException when Kafka did not acknowledge (nothing changed)
     */
    public synchronized Change upsert(SourceKind kind, SourceResource resource) {
        SourceResource r = SourceDocuments.check(kind, resource);
        String key = key(kind, r.name());
        Live old = live.get(key);
        if (old != null && old.resource().desired().equals(r.desired())) {
            return Change.UNCHANGED;
        }
        validate(kind, r);
        store.put(key, r);
        run(kind, r, false);
        return old == null ? Change.CREATED : Change.UPDATED;
    }

    private void validate(SourceKind kind, SourceResource r) {
        switch (kind) {
            case PING_SOURCE -> PingSpec.parse(r.spec());
            case KAFKA_SINK -> KafkaSinkSpec.parse(r.spec(), settings.bootstrapServers());
            case KAFKA_SOURCE -> kafkaSpec(r);
        }
    }

    private KafkaSourceSpec kafkaSpec(SourceResource r) {
        return KafkaSourceSpec.parse(r.spec(), r.metadata().namespaceOrDefault(), r.name(), settings, kafkaSinks::get);
    }

    private void run(SourceKind kind, SourceResource r, boolean resumed) {
        String key = key(kind, r.name());
        String ns = r.metadata().namespaceOrDefault();
        SinkTarget sink = null;
        switch (kind) {
            case PING_SOURCE -> {
                PingSpec spec = PingSpec.parse(r.spec());
                sink = spec.sink();
                if (resumed) {
                    pings.resume(key, ns, r.name(), spec);
                } else {
                    pings.put(key, ns, r.name(), spec);
                }
            }
            case KAFKA_SINK -> kafkaSinks.put(r.name(), KafkaSinkSpec.parse(r.spec(), settings.bootstrapServers()));
            case KAFKA_SOURCE -> {
                KafkaSourceSpec spec = kafkaSpec(r);
                sink = spec.sink();
                kafkaSources.remove(key);
                Optional<String> uri = Optional.ofNullable(delivery.sinkUri(sink, ingressBase));
                if (uri.isPresent()) {
                    kafkaSources.put(
                            key,
                            ns,
                            r.name(),
                            new KafkaSourceSpec(
                                    spec.bootstrapServers(),
                                    spec.topics(),
                                    spec.consumerGroup(),
                                    spec.initialOffset(),
                                    spec.ordered(),
                                    new SinkTarget.Http(java.net.URI.create(uri.get())),
                                    spec.delivery()));
                }
            }
        }
        live.put(key, new Live(r, sink, clock.instant().toString()));
    }

    public Optional<SourceResource> get(SourceKind kind, String name) {
        return Optional.ofNullable(live.get(key(kind, name))).map(l -> withStatus(kind, l));
    }

    public List<SourceResource> list(SourceKind kind) {
        return live.entrySet().stream()
                .filter(e -> e.getKey().startsWith(kind.plural() + "/"))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> withStatus(kind, e.getValue()))
                .toList();
    }

    /** @return whether it existed; @throws dev.quiver.broker.store.StoreException (then it stays) */
    public synchronized boolean delete(SourceKind kind, String name) {
        String key = key(kind, name);
        if (!live.containsKey(key)) {
            return false;
        }
        store.delete(key);
        live.remove(key);
        stopLocal(kind, key, name, true);
        return true;
    }

    /** @param forget whether to delete a PingSource's recorded state too (the replica that deleted it does) */
    private void stopLocal(SourceKind kind, String key, String name, boolean forget) {
        switch (kind) {
            case PING_SOURCE -> pings.remove(key, forget);
            case KAFKA_SOURCE -> kafkaSources.remove(key);
            case KAFKA_SINK -> kafkaSinks.remove(name);
        }
    }

    private SourceResource withStatus(SourceKind kind, Live l) {
        String name = l.resource().name();
        if (kind == SourceKind.KAFKA_SINK) {
            return l.resource()
                    .withStatus(new SourceResource.Status(
                            List.of(SourceResource.Condition.ready(true, "Ready", null, l.since())),
                            null,
                            new SourceResource.Address(ingressBase + "/sinks/" + name)));
        }
        String sinkUri = delivery.sinkUri(l.sink(), ingressBase);
        SourceResource.Condition ready;
        if (!delivery.resolvable(l.sink())) {
            ready = SourceResource.Condition.ready(
                    false,
                    l.sink() instanceof SinkTarget.Unresolved ? "SinkNotResolved" : "SinkNotFound",
                    "sink " + l.sink().describe()
                            + (l.sink() instanceof SinkTarget.Unresolved
                                    ? " is not resolved to a uri: apply it through quiver deploy or the Kubernetes"
                                            + " controller, or give spec.sink.uri"
                                    : " does not exist"),
                    l.since());
        } else if (kind == SourceKind.KAFKA_SOURCE) {
            Optional<Throwable> cause = kafkaSources.get(key(kind, name)).flatMap(d -> d.cause());
            boolean owns = kafkaSources.get(key(kind, name)).map(d -> d.ready()).orElse(false);
            ready = cause.isPresent()
                    ? SourceResource.Condition.ready(false, "ConsumerFailed", "restarting: " + cause.get(), l.since())
                    : owns
                            ? SourceResource.Condition.ready(true, "Ready", null, l.since())
                            : SourceResource.Condition.ready(
                                    false, "ConsumerNotReady", "joining consumer group", l.since());
        } else {
            ready = SourceResource.Condition.ready(
                    true,
                    "Ready",
                    pings.owner() ? "fired by this broker replica" : "fired by the replica owning the ping state",
                    l.since());
        }
        return l.resource().withStatus(new SourceResource.Status(List.of(ready), sinkUri, null));
    }

    private static String key(SourceKind kind, String name) {
        return kind.plural() + "/" + name;
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
                LOG.warnf("stopping following the sources store: %s", e);
            }
        }
        store.close();
    }
}
