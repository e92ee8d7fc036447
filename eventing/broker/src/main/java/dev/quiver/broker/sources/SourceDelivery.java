package dev.quiver.broker.sources;

import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.delivery.DeliveryMetrics;
import dev.quiver.broker.delivery.EventDelivery;
import dev.quiver.broker.delivery.HttpSender;
import dev.quiver.broker.delivery.Route;
import dev.quiver.broker.kafka.EventPublisher;
import dev.quiver.broker.sources.sink.KafkaSinks;
import io.cloudevents.CloudEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Sends a source's event to its {@link SinkTarget}: a URL through the broker's {@link EventDelivery} (the same
 * attempts, backoff and dead-lettering as triggers; a sink's reply is dropped, as Knative sources do), a Broker by
 * publishing to its topic in-process, a KafkaSink by writing to its topic. The future never fails: it completes
 * once the event is delivered, dead-lettered or given up (then logged and counted), so an offset may be committed
 * or a ping slot recorded.
 */
@ApplicationScoped
public class SourceDelivery {

    private static final Logger LOG = Logger.getLogger(SourceDelivery.class);

    private final BrokerSettings settings;
    private final EventPublisher publisher;
    private final KafkaSinks sinks;
    private final HttpSender http;
    private final EventDelivery delivery;

    public SourceDelivery(
            BrokerSettings settings, Vertx vertx, EventPublisher publisher, KafkaSinks sinks, DeliveryMetrics metrics) {
        this.settings = settings;
        this.publisher = publisher;
        this.sinks = sinks;
        this.http = new HttpSender(vertx);
        // a route without a reply topic: replies are dropped; Kafka dead-letter sinks still go to Kafka
        this.delivery = new EventDelivery(
                vertx,
                http,
                (topic, event) ->
                        topic == null ? CompletableFuture.completedFuture(null) : publisher.publish(topic, event),
                metrics,
                Clock.systemUTC(),
                settings.maxHops(),
                settings.maxErrorBody(),
                settings.backoffJitter());
    }

    /** The broker's delivery, for sources that run their own consumer loop (KafkaSource). */
    public EventDelivery delivery() {
        return delivery;
    }

    public CompletableFuture<Void> send(
            String source, SinkTarget target, dev.quiver.broker.delivery.DeliverySpec spec, CloudEvent event) {
        if (target instanceof SinkTarget.Http h) {
            return delivery.deliver(new Route(source, h.uri(), spec, null), event);
        }
        CompletableFuture<Void> stored;
        if (target instanceof SinkTarget.Broker b) {
            stored = settings.brokers().contains(b.name())
                    ? publisher.publish(settings.topic(b.name()), event)
                    : CompletableFuture.failedFuture(new IllegalStateException("no broker '" + b.name() + "'"));
        } else if (target instanceof SinkTarget.KafkaSink k) {
            stored = sinks.write(k.name(), event);
        } else {
            stored = CompletableFuture.failedFuture(
                    new IllegalStateException("sink " + target.describe() + " is not resolved to a uri"));
        }
        return stored.handle((v, e) -> {
            if (e != null) {
                LOG.errorf("%s: event %s not stored in %s: %s", source, event.getId(), target.describe(), e);
            }
            return null;
        });
    }

    /** Whether the target exists now (status only; a missing one may appear later). */
    public boolean resolvable(SinkTarget target) {
        if (target instanceof SinkTarget.Broker b) {
            return settings.brokers().contains(b.name());
        }
        if (target instanceof SinkTarget.KafkaSink k) {
            return sinks.get(k.name()).isPresent();
        }
        return !(target instanceof SinkTarget.Unresolved);
    }

    /** The sink's address for {@code status.sinkUri}. */
    public String sinkUri(SinkTarget target, String ingressBase) {
        if (target instanceof SinkTarget.Http h) {
            return h.uri().toString();
        }
        if (target instanceof SinkTarget.Broker b) {
            return ingressBase + "/" + b.name();
        }
        return target instanceof SinkTarget.KafkaSink k ? ingressBase + "/sinks/" + k.name() : null;
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
