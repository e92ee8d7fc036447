package dev.quiver.control.activator;

import dev.quiver.api.activator.ActivatorLoad;
import dev.quiver.control.activator.admission.FunctionQueue;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.metrics.ActivatorMetrics;
import dev.quiver.control.activator.routing.RequestRouter;
import dev.quiver.control.activator.routing.Target;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.EndpointDirectory;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Poker;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.control.route.Routing;
import dev.quiver.scaler.traffic.TrafficSplit;
import dev.quiver.scaler.traffic.TrafficTarget;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The activator, one for both backends (as Knative's: one handler chain whatever feeds it endpoints): the state
 * shared by every event loop's server ({@link ActivatorServer}): each known function's {@link FunctionQueue}, kept
 * in step with the backend's {@link EndpointDirectory}; the {@link Poker} it tells when requests wait at zero; the
 * metrics. It reports the requests it holds ({@link QueuedRequests}, {@link ActivatorLoad}) so the loop counts them
 * as concurrency. Thread-safe.
 */
public final class Activator implements QueuedRequests {
    private final ActivatorSettings settings;
    private final RequestRouter router;
    private final EndpointDirectory directory;
    private final Poker poker;
    private final ActivatorMetrics metrics;
    private final ColdStartRecorder coldStarts;
    private final Map<FunctionRef, FunctionQueue> queues = new ConcurrentHashMap<>();
    private final Map<FunctionRef, String> functionOf = new ConcurrentHashMap<>();

    public Activator(
            ActivatorSettings settings,
            RequestRouter router,
            EndpointDirectory directory,
            Poker poker,
            MeterRegistry registry,
            ColdStartRecorder coldStarts) {
        this.settings = settings;
        this.router = router;
        this.directory = directory;
        this.poker = poker;
        this.metrics = new ActivatorMetrics(registry);
        this.coldStarts = coldStarts;
        directory.onChange(this::changed);
    }

    public ActivatorSettings settings() {
        return settings;
    }

    public RequestRouter router() {
        return router;
    }

    public ActivatorMetrics metrics() {
        return metrics;
    }

    public ColdStartRecorder coldStarts() {
        return coldStarts;
    }

    /**
     * Where a request goes after the function's traffic split: with a tag, the tagged revision; else the revision
     * {@link TrafficSplit#pick picked} by {@code draw} (per request). A function without a split is its own target;
     * a host {@code <tag>-<function>} is tried as a tag's route when no function has that name.
     *
     * @param draw a uniform random number in [0, 1)
     * @return the target, empty when the request names a tag its function does not have
     */
    public Optional<Target> revision(Target t, double draw) {
        FunctionRef fn = t.function();
        Optional<List<TrafficTarget>> split = directory.traffic(fn);
        if (split.isPresent()) {
            Optional<String> rev =
                    t.tag() == null ? TrafficSplit.pick(split.get(), draw) : TrafficSplit.tagged(split.get(), t.tag());
            return rev.map(r -> routed(t, fn, r));
        }
        if (t.tag() != null) {
            return Optional.empty();
        }
        if (directory.routing(fn).isPresent()) {
            return Optional.of(t);
        }
        String name = fn.name();
        for (int i = name.indexOf('-'); i > 0; i = name.indexOf('-', i + 1)) {
            FunctionRef base = new FunctionRef(fn.namespace(), name.substring(i + 1));
            String tag = name.substring(0, i);
            Optional<String> rev = directory.traffic(base).flatMap(s -> TrafficSplit.tagged(s, tag));
            if (rev.isPresent()) {
                return Optional.of(routed(t, base, rev.get()));
            }
        }
        return Optional.of(t);
    }

    private Target routed(Target t, FunctionRef function, String revision) {
        FunctionRef ref = new FunctionRef(function.namespace(), revision);
        functionOf.putIfAbsent(ref, function.toString());
        return t.to(ref);
    }

    /** The queue of a function the directory knows, made on first use; empty for an unknown function. */
    public Optional<FunctionQueue> queue(FunctionRef function) {
        FunctionQueue q = queues.get(function);
        if (q != null) {
            return Optional.of(q);
        }
        Optional<Routing> routing = directory.routing(function);
        if (routing.isEmpty()) {
            return Optional.empty();
        }
        FunctionQueue made = queues.computeIfAbsent(
                function,
                f -> new FunctionQueue(
                        f,
                        functionOf.getOrDefault(f, f.toString()),
                        settings.queueSize(),
                        settings.maxQueuedBytes(),
                        routing.get()));
        // a change between the read above and the put was not seen by changed(): read once more
        directory.routing(function).ifPresent(r -> made.update(r, System.nanoTime()));
        return Optional.of(made);
    }

    /** The directory says the function's routing may have changed, or that it is gone. */
    void changed(FunctionRef function) {
        FunctionQueue q = queues.get(function);
        if (q == null) {
            return;
        }
        Optional<Routing> routing = directory.routing(function);
        if (routing.isPresent()) {
            q.update(routing.get(), System.nanoTime());
        } else if (queues.remove(function, q)) {
            functionOf.remove(function);
            q.close();
        }
    }

    /** Pokes the backend for the function when requests wait, nothing is ready and no poke is recent. */
    public void pokeIfDue(FunctionQueue q, long now) {
        if (q.pokeDue(now, settings.pokeInterval().toNanos())) {
            poker.poke(q.function());
        }
    }

    /** Every poke interval: pokes again for each function whose requests still wait at zero. */
    public void repoke(long now) {
        for (FunctionQueue q : queues.values()) {
            pokeIfDue(q, now);
        }
    }

    @Override
    public int queued(FunctionRef function) {
        FunctionQueue q = queues.get(function);
        return q == null ? 0 : q.queued();
    }

    /** Requests in flight through this activator to one endpoint of the function. */
    public int inFlight(FunctionRef function, Endpoint endpoint) {
        FunctionQueue q = queues.get(function);
        return q == null ? 0 : q.inFlight(endpoint);
    }

    /** Requests in flight through this activator to the function's endpoint with this id (a draining one too). */
    public int inFlight(FunctionRef function, String endpointId) {
        FunctionQueue q = queues.get(function);
        return q == null ? 0 : q.inFlight(endpointId);
    }

    /** What {@code GET /quiver/activator/load} answers. */
    public ActivatorLoad load() {
        List<ActivatorLoad.FunctionLoad> out = new ArrayList<>();
        for (FunctionQueue q : queues.values()) {
            out.add(new ActivatorLoad.FunctionLoad(
                    q.function().namespace(), q.function().name(), q.queued(), q.inFlight()));
        }
        out.sort(Comparator.comparing(ActivatorLoad.FunctionLoad::namespace)
                .thenComparing(ActivatorLoad.FunctionLoad::function));
        return new ActivatorLoad(out);
    }
}
