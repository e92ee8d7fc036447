package dev.quiver.runtime.http;

import dev.quiver.runtime.admission.InFlightGate;
import dev.quiver.runtime.functions.FunctionCatalog;
import dev.quiver.runtime.metrics.FunctionMeters;
import dev.quiver.runtime.stats.ConcurrencyMeter;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where requests are accounted: a concurrency gate, a concurrency meter, the functions' meters and a rejection count.
 * The instance has two: the live one (stats, metrics, the limit) and one for warm-up requests, which run the very
 * same code so the JIT has compiled it before the first real request, without being counted anywhere anyone reads.
 */
final class Ledger {
    final ConcurrencyMeter meter = new ConcurrencyMeter(System.nanoTime());
    final InFlightGate<Waiting> gate;
    final FunctionCatalog<FunctionMeters> catalog;
    final LongAdder rejected = new LongAdder();

    Ledger(int limit, int queueDepth, FunctionCatalog<FunctionMeters> catalog) {
        this.gate = new InFlightGate<>(limit, queueDepth, Waiting::dispatch);
        this.catalog = catalog;
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
}
