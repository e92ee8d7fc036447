package dev.quiver.runtime.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import dev.quiver.runtime.admission.InFlightGate;
import dev.quiver.runtime.config.RuntimeSettings;
import dev.quiver.runtime.functions.FunctionCatalog;
import dev.quiver.runtime.lifecycle.InstanceState;
import dev.quiver.runtime.metrics.FunctionMeters;
import dev.quiver.runtime.stats.ConcurrencyMeter;
import dev.quiver.runtime.stats.InstanceStats;
import dev.quiver.runtime.stats.MeterReading;
import dev.quiver.runtime.stats.ReadingHistory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.funqy.runtime.FunctionRecorder;
import io.vertx.core.http.HttpServerRequest;

/** The instance's request accounting: concurrency gate, meter, reading history and per-function meters. */
@Singleton
public class InstanceTraffic {

    static final long WINDOW_MICROS = 1_000_000L;
    static final int HISTORY_TICK_MILLIS = 100;

    private final RuntimeSettings settings;
    private final InstanceState state;
    private final ConcurrencyMeter meter = new ConcurrencyMeter(System.nanoTime());
    private final ReadingHistory history = new ReadingHistory(16);
    private final InFlightGate<Waiting> gate;
    private final FunctionCatalog<FunctionMeters> catalog;
    private final LongAdder rejected = new LongAdder();
    private final long startedNanos = System.nanoTime();

    @Inject
    public InstanceTraffic(RuntimeSettings settings, InstanceState state, MeterRegistry registry, Config config) {
        this.settings = settings;
        this.state = state;
        this.gate = new InFlightGate<>(settings.containerConcurrency(), settings.queueDepth(), Waiting::dispatch);
        List<String> names = FunctionRecorder.registry.invokers().stream().map(FunctionInvoker::getName).sorted()
                .toList();
        Optional<String> exported = config.getOptionalValue("quarkus.funqy.export", String.class);
        this.catalog = new FunctionCatalog<>(names, exported,
                fn -> config.getOptionalValue("quarkus.funqy.knative-events.mapping.\"" + fn + "\".trigger",
                        String.class)
                        .or(() -> config.getOptionalValue("quarkus.funqy.knative-events.mapping." + fn + ".trigger",
                                String.class)),
                fn -> new FunctionMeters(fn, registry));
    }

    RuntimeSettings settings() {
        return settings;
    }

    InstanceState state() {
        return state;
    }

    ConcurrencyMeter meter() {
        return meter;
    }

    InFlightGate<Waiting> gate() {
        return gate;
    }

    /** The function a request targets (only a request to {@code /} is routed by its {@code ce-type}), or null. */
    FunctionMeters functionFor(HttpServerRequest request) {
        String path = request.path();
        return catalog.lookup(path, "/".equals(path) ? request.getHeader("ce-type") : null);
    }

    void rejected(FunctionMeters function) {
        rejected.increment();
        function.rejected();
    }

    /** Called every {@value #HISTORY_TICK_MILLIS} ms by one timer. */
    void tick() {
        history.record(meter.read(System.nanoTime()));
    }

    public List<String> functions() {
        return catalog.names();
    }

    public int inFlight() {
        return gate.inFlight();
    }

    public int queued() {
        return gate.queued();
    }

    /** The stats the scaler polls: the last second's averages and the present counts. */
    public InstanceStats stats() {
        MeterReading now = meter.read(System.nanoTime());
        return InstanceStats.of(state.phase().name(), gate.inFlight(), gate.queued(), now,
                history.baselineFor(now, WINDOW_MICROS), rejected.sum(), settings.containerConcurrency(),
                settings.queueDepth(), state.startupMillis(), (System.nanoTime() - startedNanos) / 1_000_000L);
    }
}
