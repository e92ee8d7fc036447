package dev.quiver.local.activator;

import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Routing;
import java.util.List;

/**
 * Transitional glue (see {@link Gates}): the current loop's handle on one function in the shared activator. An
 * update publishes the ready endpoints and hard limit ({@link Routing}); {@link #queued()} is what the activator
 * holds; the poke handler is called when the activator pokes the function.
 */
public final class FunctionGate {
    private final String name;
    private final FunctionRef ref;
    private volatile List<Endpoint> endpoints = List.of();
    private volatile int limit;
    private volatile Runnable poker = () -> { };
    private volatile Gates gates;

    /** @param queueSize unused: the activator's queue size is {@code quiver.platform.activator.queue-size} */
    public FunctionGate(String name, int queueSize, int limit) {
        this.name = name;
        this.ref = FunctionRef.local(name);
        this.limit = limit;
    }

    void bind(Gates g) {
        this.gates = g;
        for (Endpoint e : endpoints) {
            e.bind(this);
        }
    }

    public String name() {
        return name;
    }

    FunctionRef ref() {
        return ref;
    }

    public int limit() {
        return limit;
    }

    /** Requests the activator holds for the function. */
    public int queued() {
        Gates g = gates;
        return g == null ? 0 : g.queued(ref);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Called when the activator pokes: a request waits and no instance is ready. */
    public void onPoke(Runnable poker) {
        this.poker = poker;
    }

    void poke() {
        poker.run();
    }

    /** No-op: the activator pokes again every poke interval while requests wait at zero. */
    public void pokeHandled() {
    }

    /** Publishes the ready endpoints and the limit in force; waiting requests go out at once. */
    public void update(List<Endpoint> ready, int newLimit) {
        endpoints = List.copyOf(ready);
        limit = newLimit;
        ready.forEach(e -> e.bind(this));
        Gates g = gates;
        if (g != null) {
            g.endpoints().publish(ref, new Routing(ready.stream().map(Endpoint::ref).toList(), newLimit));
        }
    }

    public boolean noneReady() {
        return endpoints.isEmpty();
    }

    int inFlight(Endpoint e) {
        Gates g = gates;
        return g == null ? 0 : g.inFlight(ref, e.ref());
    }
}
