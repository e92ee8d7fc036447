package dev.quiver.sources.publish;

import dev.quiver.sources.config.SourcesSettings;
import dev.quiver.sources.security.SourcesSecurity;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The sources' one way to the broker: a {@link PublishQueue} sending with {@link BrokerSender}, with metrics. */
@Singleton
public class Publisher {

    private final PublishQueue queue;
    private final BrokerSender sender;

    Publisher(SourcesSettings settings, SourcesSecurity security, Vertx vertx, MeterRegistry registry) {
        SourcesSettings.PublishSettings p = settings.publish();
        this.sender = new BrokerSender(vertx, settings.brokerUrl(), p.timeout(), security.brokerToken());
        this.queue = new PublishQueue(
                sender, p.schedule(), () -> ThreadLocalRandom.current().nextDouble(), p.queueCapacity());
        counter(registry, "delivered", queue::delivered);
        counter(registry, "retried", queue::retried);
        counter(registry, "failed", queue::failed);
        counter(registry, "rejected", queue::rejected);
        Gauge.builder("quiver_sources_events_pending", queue, PublishQueue::pending)
                .description("Events waiting to be published to the broker")
                .register(registry);
        queue.start();
    }

    private static void counter(MeterRegistry registry, String result, java.util.function.LongSupplier value) {
        FunctionCounter.builder("quiver_sources_events", value, v -> v.getAsLong())
                .tag("result", result)
                .description("Events handed to the broker, by result (retried counts attempts)")
                .register(registry);
    }

    /** Queues an event for the broker; false when the queue is full. */
    public boolean publish(CloudEvent event) {
        return queue.offer(event);
    }

    public PublishQueue queue() {
        return queue;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        queue.stop(Duration.ofSeconds(5));
        sender.close();
    }
}
