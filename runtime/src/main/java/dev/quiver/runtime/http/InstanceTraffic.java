package dev.quiver.runtime.http;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.runtime.config.RuntimeSettings;
import dev.quiver.runtime.functions.FunctionCatalog;
import dev.quiver.runtime.lifecycle.InstanceState;
import dev.quiver.runtime.lifecycle.InstanceState.Phase;
import dev.quiver.runtime.lifecycle.WarmUp;
import dev.quiver.runtime.metrics.FunctionMeters;
import dev.quiver.runtime.stats.InstanceStats;
import dev.quiver.runtime.stats.MeterReading;
import dev.quiver.runtime.stats.ReadingHistory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.funqy.runtime.FunctionRecorder;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The instance's request accounting: the live {@link Ledger} (concurrency gate, meter, per-function meters), its
 * reading history, and a second ledger for warm-up requests that is retired (its meters removed) once warm-up ends.
 */
@Singleton
public class InstanceTraffic {

    static final long WINDOW_MICROS = 1_000_000L;
    static final int HISTORY_TICK_MILLIS = 100;
    /** Warm-up meters carry {@code function="<name>#warm-up"} until they are removed at the end of warm-up. */
    static final String WARM_UP_SUFFIX = "#warm-up";

    private final RuntimeSettings settings;
    private final InstanceState state;
    private final MeterRegistry registry;
    private final ReadingHistory history = new ReadingHistory(16);
    private final Ledger live;
    private final Ledger warmUp;
    private final List<FunctionMeters> warmUpMeters = new CopyOnWriteArrayList<>();
    private volatile boolean warmUpRetired;
    private final long startedNanos = System.nanoTime();

    @Inject
    public InstanceTraffic(RuntimeSettings settings, InstanceState state, MeterRegistry registry, Config config) {
        this.settings = settings;
        this.state = state;
        this.registry = registry;
        List<String> names = FunctionRecorder.registry.invokers().stream()
                .map(FunctionInvoker::getName)
                .sorted()
                .toList();
        Optional<String> exported = config.getOptionalValue("quarkus.funqy.export", String.class);
        Function<String, Optional<String>> triggers = fn -> config.getOptionalValue(
                        "quarkus.funqy.knative-events.mapping.\"" + fn + "\".trigger", String.class)
                .or(() -> config.getOptionalValue(
                        "quarkus.funqy.knative-events.mapping." + fn + ".trigger", String.class));
        this.live = new Ledger(
                settings.containerConcurrency(),
                settings.queueDepth(),
                new FunctionCatalog<>(names, exported, triggers, fn -> new FunctionMeters(fn, registry)));
        this.warmUp = !settings.warmsUp()
                ? null
                : new Ledger(
                        settings.containerConcurrency(),
                        settings.queueDepth(),
                        new FunctionCatalog<>(names, exported, triggers, fn -> {
                            FunctionMeters m = new FunctionMeters(fn + WARM_UP_SUFFIX, registry);
                            warmUpMeters.add(m);
                            return m;
                        }));
    }

    RuntimeSettings settings() {
        return settings;
    }

    InstanceState state() {
        return state;
    }

    /** The warm-up ledger for a warm-up request before the instance is ready; the live one for everything else. */
    Ledger ledgerFor(HttpServerRequest request) {
        return warmUp != null
                        && !warmUpRetired
                        && state.phase() != Phase.READY
                        && request.headers().contains(WarmUp.HEADER)
                ? warmUp
                : live;
    }

    /** The live function a request targets, or null. */
    FunctionMeters functionFor(HttpServerRequest request) {
        return live.functionFor(request);
    }

    /**
     * Admits one invocation of {@code function} that does not come over HTTP (Kafka records run in process) on the
     * live ledger, as a request would be: null when refused (draining, the concurrency limit reached, or no such
     * function); the caller then tries again later, as after a 503.
     */
    public DirectCall beginDirect(String function) {
        FunctionMeters meters = live.catalog.lookup("/" + function, null);
        if (meters == null) {
            return null;
        }
        if (state.phase() == Phase.DRAINING || !live.gate.tryAdmit()) {
            live.rejected(meters);
            return null;
        }
        return new DirectCall(live, meters, System.nanoTime());
    }

    /** Warm-up is over: its meters leave the registry, so no scrape ever shows them again. */
    public void retireWarmUp() {
        warmUpRetired = true;
        warmUpMeters.forEach(m -> m.removeFrom(registry));
    }

    /** Warm-up requests that went through the admission path and were accounted on the warm-up ledger. */
    public long warmUpRequests() {
        return warmUpMeters.stream().mapToLong(FunctionMeters::answered).sum();
    }

    /** Called every {@value #HISTORY_TICK_MILLIS} ms by one timer. */
    void tick() {
        history.record(live.meter.read(System.nanoTime()));
    }

    public List<String> functions() {
        return live.catalog.names();
    }

    public int inFlight() {
        return live.gate.inFlight();
    }

    public int queued() {
        return live.gate.queued();
    }

    /** The stats the scaler polls: the last second's averages and the present counts. */
    public StatsReport stats() {
        MeterReading now = live.meter.read(System.nanoTime());
        return InstanceStats.of(
                state.phase().name(),
                live.gate.inFlight(),
                live.gate.queued(),
                now,
                history.baselineFor(now, WINDOW_MICROS),
                live.rejected.sum(),
                settings.containerConcurrency(),
                settings.queueDepth(),
                state.startupMillis(),
                (System.nanoTime() - startedNanos) / 1_000_000L);
    }
}
