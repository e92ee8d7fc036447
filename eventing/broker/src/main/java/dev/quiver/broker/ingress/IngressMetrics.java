package dev.quiver.broker.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingress counters: quiver_ingress_events_total{broker,result}. Each broker's counters are looked up in the registry
 * once (on their first use) and kept: counting an accepted request is one map read and one add.
 */
@ApplicationScoped
public class IngressMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counters> byBroker = new ConcurrentHashMap<>();

    public IngressMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String broker, int count) {
        counters(broker).accepted().increment(count);
    }

    void rejected(String broker) {
        counters(broker).rejected().increment();
    }

    void unavailable(String broker) {
        counters(broker).unavailable().increment();
    }

    private Counters counters(String broker) {
        Counters c = byBroker.get(broker);
        return c != null ? c : byBroker.computeIfAbsent(broker, b -> new Counters(registry, b));
    }

    /** A broker's counters, registered lazily so that only results that happened show up. */
    private static final class Counters {
        private final MeterRegistry registry;
        private final String broker;
        private volatile Counter accepted;
        private volatile Counter rejected;
        private volatile Counter unavailable;

        Counters(MeterRegistry registry, String broker) {
            this.registry = registry;
            this.broker = broker;
        }

        Counter accepted() {
            Counter c = accepted;
            return c != null ? c : (accepted = counter("accepted"));
        }

        Counter rejected() {
            Counter c = rejected;
            return c != null ? c : (rejected = counter("rejected"));
        }

        Counter unavailable() {
            Counter c = unavailable;
            return c != null ? c : (unavailable = counter("unavailable"));
        }

        private Counter counter(String result) {
            return registry.counter("quiver.ingress.events", "broker", broker, "result", result);
        }
    }
}
