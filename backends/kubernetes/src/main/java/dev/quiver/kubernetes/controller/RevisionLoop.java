package dev.quiver.kubernetes.controller;

import dev.quiver.control.loop.FunctionLoop;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.kubernetes.scaling.KubeBackend;
import dev.quiver.kubernetes.workload.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What of a Function the shared loop runs after a reconcile: the function itself while its latest revision serves
 * (its public Service held in proxy mode while the traffic is split or tagged), each older serving revision as a
 * function of its own ({@code <fn>-0000N}), and the routes whose EndpointSlice follows the activator pods without
 * being in the loop (tag Services, and the function's own Service while its latest revision is at zero). Called on
 * the controller's one thread.
 */
final class RevisionLoop {
    private final FunctionLoop functions;
    private final KubeBackend backend;
    /** Per function: its revisions other than the latest that serve, each a function of the loop. */
    private final Map<FunctionRef, Set<FunctionRef>> revisionsOf = new ConcurrentHashMap<>();
    /** Per function: routes kept in step with the activator pods, outside the loop. */
    private final Map<FunctionRef, List<Workload>> routeOnly = new ConcurrentHashMap<>();

    RevisionLoop(FunctionLoop functions, KubeBackend backend) {
        this.functions = functions;
        this.backend = backend;
    }

    /** After a valid reconcile of {@code ref}: its own workload {@code w} and its revisions as reconciled. */
    void sync(FunctionRef ref, Workload w, RevisionRoutes.Result r) {
        List<Workload> routes = new ArrayList<>(r.tags());
        if (r.latestServing()) {
            deploy(w);
            backend.proxied(ref, r.split());
        } else {
            forget(ref); // the latest revision has neither share nor tag: at zero, out of the loop
            routes.add(w);
        }
        Set<FunctionRef> now = new HashSet<>();
        for (Workload rw : r.revisions()) {
            now.add(KubeBackend.ref(rw));
            deploy(rw);
        }
        forgetRevisions(ref, now);
        revisionsOf.put(ref, now);
        routeOnly.put(ref, routes);
    }

    /** The function is invalid or deleted: it and its revisions leave the loop. */
    void forgetAll(FunctionRef ref) {
        forget(ref);
        forgetRevisions(ref, Set.of());
        routeOnly.remove(ref);
    }

    /** Every route outside the loop whose EndpointSlice lists the activator pods. */
    List<Workload> routes() {
        return routeOnly.values().stream().flatMap(List::stream).toList();
    }

    /** The routes outside the loop of one function. */
    List<Workload> routes(FunctionRef function) {
        return routeOnly.getOrDefault(function, List.of());
    }

    /** A route outside the loop by its own name (a tag Service, or a function at zero), if there is one. */
    Optional<Workload> route(FunctionRef route) {
        return routes().stream().filter(w -> KubeBackend.ref(w).equals(route)).findFirst();
    }

    /** Hands a function (or a revision) to the loop when it changed. */
    private void deploy(Workload w) {
        FunctionRef ref = KubeBackend.ref(w);
        if (!backend.workload(ref).equals(Optional.of(w))) {
            backend.put(w);
            functions.deploy(KubeBackend.toLoop(w));
        }
    }

    private void forgetRevisions(FunctionRef function, Set<FunctionRef> keep) {
        revisionsOf.getOrDefault(function, Set.of()).stream()
                .filter(r -> !keep.contains(r))
                .forEach(this::forget);
        if (keep.isEmpty()) {
            revisionsOf.remove(function);
        }
    }

    private void forget(FunctionRef ref) {
        functions.delete(ref);
        backend.remove(ref);
    }
}
