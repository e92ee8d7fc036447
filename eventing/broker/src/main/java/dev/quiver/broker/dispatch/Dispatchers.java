package dev.quiver.broker.dispatch;

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
import java.util.HashMap;
import java.util.Map;
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

    public TriggerDispatcher start(Trigger trigger) {
        String topic = settings.topic(trigger.broker());
        Route route = new Route(trigger.name(), trigger.subscriber(), trigger.delivery(), topic);
        TriggerDispatcher d = new TriggerDispatcher(
                route,
                trigger.filter(),
                topic,
                new KafkaConsumer<>(consumerConfig(trigger), new StringDeserializer(), new ByteArrayDeserializer()),
                delivery,
                trigger.ordered(),
                settings.maxInFlight(),
                settings.pollTimeout());
        metrics.lag(trigger.name(), d::lag);
        d.start();
        return d;
    }

    public void stop(Trigger trigger, TriggerDispatcher dispatcher) {
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
        http.close();
    }
}
