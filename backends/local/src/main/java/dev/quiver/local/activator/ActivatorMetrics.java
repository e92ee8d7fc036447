package dev.quiver.local.activator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code quiver_activator_requests_total{function,outcome}}; counters cached per function and outcome. */
public final class ActivatorMetrics {
    public enum Outcome { FORWARDED, BUFFERED, RETRIED, QUEUE_FULL, TIMEOUT, NOT_FOUND, FAILED }

    private final MeterRegistry registry;
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    public ActivatorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String function, Outcome outcome) {
        counters.computeIfAbsent(function, this::create)[outcome.ordinal()].increment();
    }

    public double total(String function, Outcome outcome) {
        Counter[] c = counters.get(function);
        return c == null ? 0 : c[outcome.ordinal()].count();
    }

    private Counter[] create(String function) {
        Outcome[] all = Outcome.values();
        Counter[] out = new Counter[all.length];
        for (Outcome o : all) {
            out[o.ordinal()] = Counter.builder("quiver.activator.requests").tag("function", function)
                    .tag("outcome", o.name().toLowerCase()).description("Requests through the activator")
                    .register(registry);
        }
        return out;
    }
}
