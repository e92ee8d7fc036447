package dev.quiver.control.activator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code quiver_activator_requests_total{function,outcome}}: what the activator did with each request. Counters are
 * cached per function and outcome (one map look-up per count). A request may count more than once (held, then
 * forwarded; retried, then forwarded).
 */
public final class ActivatorMetrics {
    public enum Outcome {
        /** sent to an instance */
        FORWARDED,
        /** held in the queue, no instance slot free on arrival */
        HELD,
        /** a refused connection, sent on to another endpoint */
        RETRIED,
        /** 503: the queue was full, or its waiting requests held {@code maxQueuedBytes} of bodies */
        QUEUE_FULL,
        /** the client went away while its request waited: dropped, never forwarded */
        CLIENT_GONE,
        /** 504: no slot within the wait */
        TIMEOUT,
        /** 404 */
        NOT_FOUND,
        /** 413 */
        TOO_LARGE,
        /** 400 */
        BAD_REQUEST,
        /** 502 */
        FAILED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

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
            out[o.ordinal()] = Counter.builder("quiver.activator.requests")
                    .tag("function", function)
                    .tag("outcome", o.key())
                    .description("Requests through the activator, by what became of them")
                    .register(registry);
        }
        return out;
    }
}
