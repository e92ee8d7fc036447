package dev.quiver.local.loop;

import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Poker;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.control.route.Routing;
import dev.quiver.local.activator.Endpoint;
import dev.quiver.local.activator.FunctionGate;
import dev.quiver.local.activator.Gates;
import dev.quiver.local.backend.LocalBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongBiFunction;

/**
 * Temporary bridge from the loop's ports to the local activator's gates, until the shared activator (which reads
 * {@link PublishedEndpoints} and offers {@link Poker}/{@link QueuedRequests} itself) replaces them: published
 * routing becomes gate updates, a gate's poke becomes {@link Poker#poke}, its queue is the held requests, and its
 * endpoints' in-flight counts let a stop wait for the activator.
 */
public final class ActivatorGates implements QueuedRequests, LocalBackend.ActivatorInFlight {
    private final Gates gates;
    private final PublishedEndpoints endpoints;
    private final int queueSize;
    private final Map<String, Map<String, Endpoint>> known = new HashMap<>();
    private volatile Poker poker = ref -> { };
    private volatile ToLongBiFunction<String, String> readyNanos = (function, instance) -> -1;

    public ActivatorGates(Gates gates, PublishedEndpoints endpoints, int queueSize) {
        this.gates = gates;
        this.endpoints = endpoints;
        this.queueSize = queueSize;
        endpoints.onChange(this::changed);
    }

    /** When an instance became ready (a request that arrived before it is a cold start's). */
    public void readyTimes(ToLongBiFunction<String, String> lookup) {
        this.readyNanos = lookup;
    }

    /** Where the gates' pokes go (the loop). */
    public void pokeWith(Poker p) {
        this.poker = p;
    }

    @Override
    public int queued(FunctionRef function) {
        FunctionGate g = gates.get(function.name());
        return g == null ? 0 : g.queued();
    }

    @Override
    public synchronized int inFlight(String function, String instance) {
        Endpoint e = known.getOrDefault(function, Map.of()).get(instance);
        return e == null ? 0 : e.inFlight();
    }

    private synchronized void changed(FunctionRef ref) {
        String name = ref.name();
        Optional<Routing> routing = endpoints.routing(ref);
        if (routing.isEmpty()) {
            gates.remove(name);
            known.remove(name);
            return;
        }
        Routing r = routing.get();
        FunctionGate gate = gates.get(name);
        if (gate == null) {
            FunctionGate created = new FunctionGate(name, queueSize, r.containerConcurrency());
            created.onPoke(() -> {
                created.pokeHandled();
                poker.poke(ref);
            });
            gates.put(created);
            gate = created;
        }
        Map<String, Endpoint> byId = known.computeIfAbsent(name, n -> new HashMap<>());
        List<Endpoint> ready = new ArrayList<>();
        for (var e : r.endpoints()) {
            Endpoint local = byId.computeIfAbsent(e.id(), id -> {
                Endpoint made = new Endpoint(id, e.host(), e.port());
                long at = readyNanos.applyAsLong(name, id);
                made.readyAt(at == -1 ? System.nanoTime() : at);
                return made;
            });
            ready.add(local);
        }
        byId.values().removeIf(e -> !ready.contains(e) && e.inFlight() == 0);
        gate.update(ready, r.containerConcurrency());
    }
}
