package dev.quiver.broker.metrics;

import dev.quiver.broker.delivery.DeliveryMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Per-trigger delivery metrics on the Prometheus endpoint ({@code /q/metrics}):
 * {@code quiver_trigger_events_total{trigger,result=delivered|retried|failed|dead_lettered|replied}},
 * {@code quiver_trigger_dropped_total{trigger,reason}},
 * {@code quiver_trigger_delivery_seconds{trigger}} and {@code quiver_trigger_consumer_lag{trigger}}.
 */
@ApplicationScoped
public class MicrometerDeliveryMetrics implements DeliveryMetrics {

    private final MeterRegistry registry;

    public MicrometerDeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void delivered(String trigger, Duration latency) {
        count(trigger, "delivered");
        Timer.builder("quiver.trigger.delivery")
                .tag("trigger", trigger)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    @Override
    public void retried(String trigger) {
        count(trigger, "retried");
    }

    @Override
    public void failed(String trigger) {
        count(trigger, "failed");
    }

    @Override
    public void deadLettered(String trigger) {
        count(trigger, "dead_lettered");
    }

    @Override
    public void dropped(String trigger, String reason) {
        registry.counter("quiver.trigger.dropped", "trigger", trigger, "reason", reason)
                .increment();
    }

    @Override
    public void replied(String trigger) {
        count(trigger, "replied");
    }

    @Override
    public void lag(String trigger, LongSupplier lag) {
        Gauge.builder("quiver.trigger.consumer.lag", lag::getAsLong)
                .tag("trigger", trigger)
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void dispatcherRestarted(String trigger) {
        registry.counter("quiver.broker.dispatcher.restarts", "trigger", trigger)
                .increment();
    }

    @Override
    public void forget(String trigger) {
        registry.getMeters().stream()
                .filter(m -> trigger.equals(m.getId().getTag("trigger")))
                .forEach(registry::remove);
    }

    private void count(String trigger, String result) {
        registry.counter("quiver.trigger.events", "trigger", trigger, "result", result)
                .increment();
    }
}
