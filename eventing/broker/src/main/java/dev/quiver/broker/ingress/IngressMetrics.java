package dev.quiver.broker.ingress;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Ingress counters: quiver_ingress_events_total{broker,result}. */
@ApplicationScoped
public class IngressMetrics {

    private final MeterRegistry registry;

    public IngressMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String broker, int count) {
        registry.counter("quiver.ingress.events", "broker", broker, "result", "accepted")
                .increment(count);
    }

    void rejected(String broker) {
        registry.counter("quiver.ingress.events", "broker", broker, "result", "rejected")
                .increment();
    }

    void unavailable(String broker) {
        registry.counter("quiver.ingress.events", "broker", broker, "result", "unavailable")
                .increment();
    }
}
