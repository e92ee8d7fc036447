package dev.quiver.local.activator;

import dev.quiver.control.activator.Activator;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Poker;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.Routing;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transitional glue between the current local loop and the shared activator's ports, so the loop keeps its calls
 * ({@code gates.put/remove}, {@code gate.update/onPoke/queued/noneReady}) while it moves to control: a put
 * publishes the function into {@link PublishedEndpoints}, a remove takes it out, the activator's pokes
 * ({@link Poker}) reach the gate's poke handler. The loop in control calls the ports directly; then this goes.
 */
public final class Gates implements Poker {
    private final PublishedEndpoints endpoints;
    private final Map<String, FunctionGate> gates = new ConcurrentHashMap<>();
    private volatile Activator activator;

    public Gates(PublishedEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Gates publishing into a directory of their own (loop tests). */
    public Gates() {
        this(new PublishedEndpoints());
    }

    void bind(Activator a) {
        this.activator = a;
    }

    public PublishedEndpoints endpoints() {
        return endpoints;
    }

    public FunctionGate get(String function) {
        return gates.get(function);
    }

    public void put(FunctionGate gate) {
        gate.bind(this);
        gates.put(gate.name(), gate);
        endpoints.publish(gate.ref(), new Routing(gate.endpoints().stream().map(Endpoint::ref).toList(),
                gate.limit()));
    }

    public void remove(String function) {
        if (gates.remove(function) != null) {
            endpoints.remove(FunctionRef.local(function));
        }
    }

    @Override
    public void poke(FunctionRef function) {
        FunctionGate g = gates.get(function.name());
        if (g != null) {
            g.poke();
        }
    }

    int queued(FunctionRef function) {
        Activator a = activator;
        return a == null ? 0 : a.queued(function);
    }

    int inFlight(FunctionRef function, dev.quiver.control.route.Endpoint endpoint) {
        Activator a = activator;
        return a == null ? 0 : a.inFlight(function, endpoint);
    }
}
