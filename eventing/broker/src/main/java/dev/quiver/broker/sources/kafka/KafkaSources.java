package dev.quiver.broker.sources.kafka;

import dev.quiver.api.retry.RetrySchedule;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.delivery.Route;
import dev.quiver.broker.dispatch.SupervisedDispatcher;
import dev.quiver.broker.dispatch.TriggerDispatcher;
import dev.quiver.broker.filter.EventFilter;
import dev.quiver.broker.sources.SinkTarget;
import dev.quiver.broker.sources.SourceDelivery;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The running KafkaSources: each is the broker's consumer loop ({@link TriggerDispatcher}, under a
 * {@link SupervisedDispatcher} that restarts it with backoff) over the source's topics in its consumer group,
 * reading records with {@link RecordEvents} and delivering through the broker's delivery (retry, backoff,
 * dead-letter); offsets are committed only once their events were delivered or dead-lettered (at-least-once), one
 * event in flight per partition unless {@code ordering: unordered}.
 */
@ApplicationScoped
public class KafkaSources {

    private static final RetrySchedule RESTARTS =
            RetrySchedule.exponential(Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);

    private final BrokerSettings settings;
    private final SourceDelivery delivery;
    private final Map<String, SupervisedDispatcher> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiver-kafkasource-restarts");
        t.setDaemon(true);
        return t;
    });

    public KafkaSources(BrokerSettings settings, SourceDelivery delivery) {
        this.settings = settings;
        this.delivery = delivery;
    }

    /** Starts (or restarts with the new spec) a KafkaSource; its consumer group resumes at its commits. */
    public void put(String key, String namespace, String name, KafkaSourceSpec spec) {
        remove(key);
        if (!(spec.sink() instanceof SinkTarget.Http http)) {
            // Broker / KafkaSink sinks: through the same loop, the route's subscriber being their HTTP ingress
            throw new IllegalStateException("unreachable: KafkaSource sinks are resolved to a uri by Sources");
        }
        Route route = new Route("kafkasource/" + key, http.uri(), spec.delivery(), null);
        SupervisedDispatcher d = new SupervisedDispatcher(
                        route.trigger(),
                        () -> {
                            TriggerDispatcher t = new TriggerDispatcher(
                                    route,
                                    EventFilter.MATCH_ALL,
                                    spec.topics(),
                                    r -> RecordEvents.toEvent(namespace, name, r),
                                    new KafkaConsumer<>(
                                            consumerConfig(spec),
                                            new StringDeserializer(),
                                            new ByteArrayDeserializer()),
                                    delivery.delivery(),
                                    spec.ordered(),
                                    settings.maxInFlight(),
                                    settings.pollTimeout());
                            t.start();
                            return t;
                        },
                        RESTARTS,
                        restarts,
                        () -> {})
                .start();
        live.put(key, d);
    }

    public void remove(String key) {
        SupervisedDispatcher d = live.remove(key);
        if (d != null) {
            d.close();
        }
    }

    /** Whether the source's consumer owns its partitions; the failure it is restarting from, if any. */
    public Optional<SupervisedDispatcher> get(String key) {
        return Optional.ofNullable(live.get(key));
    }

    Map<String, Object> consumerConfig(KafkaSourceSpec spec) {
        Map<String, Object> c = new HashMap<>(settings.consumer());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, spec.consumerGroup());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, spec.consumerGroup());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, spec.initialOffset());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the broker's own group.instance.id setting names the broker's members, not a source's
        c.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        return c;
    }

    @PreDestroy
    void close() {
        live.values().parallelStream().forEach(SupervisedDispatcher::close);
        live.clear();
        restarts.shutdownNow();
    }
}
