package dev.quiver.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Micrometer meters of one function, created once at start-up so the request path only increments them:
 * {@code quiver_function_requests_total{function,outcome}}, {@code quiver_function_duration_seconds} (histogram) and
 * {@code quiver_function_in_flight}.
 */
public final class FunctionMeters {

    private final String function;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter success;
    private final Counter clientError;
    private final Counter serverError;
    private final Counter rejected;
    private final Timer duration;
    private final Gauge inFlightGauge;

    public FunctionMeters(String function, MeterRegistry registry) {
        this.function = function;
        this.success = requests(registry, "success");
        this.clientError = requests(registry, "client_error");
        this.serverError = requests(registry, "server_error");
        this.rejected = requests(registry, "rejected");
        this.duration = Timer.builder("quiver.function.duration")
                .description("Time from arrival (queueing included) to the end of the response")
                .tag("function", function)
                .publishPercentileHistogram()
                .register(registry);
        this.inFlightGauge = Gauge.builder("quiver.function.in.flight", inFlight, AtomicInteger::get)
                .tag("function", function)
                .register(registry);
    }

    /** Requests answered so far (all outcomes but rejections). */
    public long answered() {
        return (long) (success.count() + clientError.count() + serverError.count());
    }

    /** Takes these meters out of the registry (the warm-up's, once it is over); recording on them still works. */
    public void removeFrom(MeterRegistry registry) {
        for (Meter m : List.of(success, clientError, serverError, rejected, duration, inFlightGauge)) {
            registry.remove(m);
        }
    }

    private Counter requests(MeterRegistry registry, String outcome) {
        return Counter.builder("quiver.function.requests")
                .description("Requests answered, by outcome")
                .tag("function", function)
                .tag("outcome", outcome)
                .register(registry);
    }

    public String function() {
        return function;
    }

    public void started() {
        inFlight.incrementAndGet();
    }

    public void finished(int status, long nanos) {
        inFlight.decrementAndGet();
        duration.record(nanos, TimeUnit.NANOSECONDS);
        if (status >= 500) {
            serverError.increment();
        } else if (status >= 400) {
            clientError.increment();
        } else {
            success.increment();
        }
    }

    public void rejected() {
        rejected.increment();
    }
}
