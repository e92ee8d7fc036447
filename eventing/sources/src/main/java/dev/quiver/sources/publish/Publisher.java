package dev.quiver.sources.publish;

import dev.quiver.sources.config.SourcesSettings;
import dev.quiver.sources.publish.outbox.OutboxLog;
import dev.quiver.sources.security.SourcesSecurity;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToLongFunction;

/**
 * The sources' one way to the broker: a {@link DurablePublisher} (direct POST, else the outbox under
 * {@code <data-dir>/.outbox}) with its {@link OutboxRelay}, both sending with {@link BrokerSender}, and their metrics.
 */
@Singleton
public class Publisher {

    private final OutboxLog outbox;
    private final DurablePublisher durable;
    private final OutboxRelay relay;
    private final BrokerSender direct;
    private final BrokerSender replay;

    Publisher(SourcesSettings settings, SourcesSecurity security, Vertx vertx, MeterRegistry registry) {
        SourcesSettings.PublishSettings p = settings.publish();
        SourcesSettings.OutboxSettings o = settings.outbox();
        try {
            this.outbox = OutboxLog.open(settings.outboxDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox " + settings.outboxDir(), e);
        }
        this.direct = new BrokerSender(vertx, settings.brokerUrl(), o.directTimeout(), security.brokerToken());
        this.replay = new BrokerSender(vertx, settings.brokerUrl(), p.timeout(), security.brokerToken());
        this.relay = new OutboxRelay(
                outbox, replay, p.schedule(), () -> ThreadLocalRandom.current().nextDouble());
        this.durable = new DurablePublisher(
                direct, outbox, new DurablePublisher.Limits(o.maxEvents(), o.maxBytes()), relay::wake);
        // Micrometer holds the measured object weakly: measure this singleton, not a lambda nothing else keeps
        counter(registry, "delivered", Publisher::delivered);
        counter(registry, "outboxed", Publisher::outboxed);
        counter(registry, "replayed", Publisher::replayed);
        counter(registry, "retried", Publisher::retried);
        counter(registry, "rejected", Publisher::rejected);
        Gauge.builder("quiver_sources_outbox_events", outbox, OutboxLog::size)
                .description("Events in the durable outbox, waiting for the broker")
                .register(registry);
        Gauge.builder("quiver_sources_outbox_bytes", outbox, OutboxLog::bytes)
                .description("Bytes of events in the durable outbox")
                .register(registry);
        relay.start();
    }

    private void counter(MeterRegistry registry, String result, ToLongFunction<Publisher> value) {
        FunctionCounter.builder("quiver_sources_events", this, p -> value.applyAsLong(p))
                .tag("result", result)
                .description("Events by result: delivered directly, outboxed, replayed from the outbox, "
                        + "retried (replay attempts), rejected by the broker")
                .register(registry);
    }

    /** True when the outbox is at a cap: refuse the write (S3 SlowDown, webhook 503) before doing it. */
    public boolean full() {
        return durable.full();
    }

    /** Returns once the event is durable (broker 2xx or fsynced to the outbox); throws when neither could be had. */
    public DurablePublisher.Ack publish(CloudEvent event) throws IOException {
        return durable.publish(event);
    }

    public int pending() {
        return outbox.size();
    }

    public long delivered() {
        return durable.delivered();
    }

    public long outboxed() {
        return durable.outboxed();
    }

    public long replayed() {
        return relay.replayed();
    }

    public long retried() {
        return relay.retried();
    }

    public long rejected() {
        return durable.rejected() + relay.rejected();
    }

    @PreDestroy
    void stop() throws InterruptedException, IOException {
        relay.stop(Duration.ofSeconds(5));
        direct.close();
        replay.close();
        outbox.close();
    }
}
