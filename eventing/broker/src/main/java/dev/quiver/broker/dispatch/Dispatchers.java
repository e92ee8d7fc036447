package dev.quiver.broker.dispatch;

import dev.quiver.api.retry.RetrySchedule;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.delivery.DeliveryMetrics;
import dev.quiver.broker.delivery.EventDelivery;
import dev.quiver.broker.delivery.HttpSender;
import dev.quiver.broker.delivery.Route;
import dev.quiver.broker.kafka.EventPublisher;
import dev.quiver.broker.trigger.Trigger;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Builds and starts a {@link TriggerDispatcher} for a trigger. */
@ApplicationScoped
public class Dispatchers {

    private final BrokerSettings settings;
    private final EventDelivery delivery;
    private final HttpSender http;
    private final DeliveryMetrics metrics;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiver-dispatch-restarts");
        t.setDaemon(true);
        return t;
    });
    /** Builds each dispatcher's consumer from its config: a seam for tests (a consumer whose poll fails). */
    private volatile Function<Map<String, Object>, Consumer<String, byte[]>> consumers =
            config -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());

    /** Restart delays of a failed dispatcher: 0.5 s doubling up to 30 s, +-20 %. */
    static final RetrySchedule RESTART_SCHEDULE =
            RetrySchedule.exponential(Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);

    /** Tests only: where the dispatchers' consumers come from. */
    public void consumers(Function<Map<String, Object>, Consumer<String, byte[]>> factory) {
        this.consumers = factory;
    }

    public Dispatchers(BrokerSettings settings, Vertx vertx, EventPublisher publisher, DeliveryMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.http = new HttpSender(vertx);
        this.delivery = new EventDelivery(
                vertx,
                http,
                publisher::publish,
                metrics,
                Clock.systemUTC(),
                settings.maxHops(),
                settings.maxErrorBody(),
                settings.backoffJitter());
    }

    /** Starts the trigger's dispatcher under a supervisor that restarts it with backoff when it fails. */
    public SupervisedDispatcher start(Trigger trigger) {
        SupervisedDispatcher d = new SupervisedDispatcher(
                        trigger.name(),
                        () -> startOne(trigger),
                        RESTART_SCHEDULE,
                        restarts,
                        () -> metrics.dispatcherRestarted(trigger.name()))
                .start();
        metrics.lag(trigger.name(), d::lag);
        return d;
    }

    private TriggerDispatcher startOne(Trigger trigger) {
        String topic = settings.topic(trigger.broker());
        Route route = new Route(trigger.name(), trigger.subscriber(), trigger.delivery(), topic);
        TriggerDispatcher d = new TriggerDispatcher(
                route,
                trigger.filter(),
                topic,
                consumers.apply(consumerConfig(trigger)),
                delivery,
                trigger.ordered(),
                settings.maxInFlight(),
                settings.pollTimeout());
        d.start();
        return d;
    }

    public void stop(Trigger trigger, SupervisedDispatcher dispatcher) {
        dispatcher.close();
        metrics.forget(trigger.name());
    }

    Map<String, Object> consumerConfig(Trigger trigger) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, trigger.consumerGroup());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, trigger.consumerGroup());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset());
        c.putAll(settings.consumer());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return c;
    }

    @PreDestroy
    void close() {
        restarts.shutdownNow();
        http.close();
    }
}
