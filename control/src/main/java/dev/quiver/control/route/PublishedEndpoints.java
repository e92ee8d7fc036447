package dev.quiver.control.route;

import dev.quiver.scaler.traffic.TrafficTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An {@link EndpointDirectory} written by a loop in the same process (the local backend). Thread-safe. */
public final class PublishedEndpoints implements EndpointDirectory {
    private final Map<FunctionRef, Routing> routes = new ConcurrentHashMap<>();
    private final Map<FunctionRef, List<TrafficTarget>> traffic = new ConcurrentHashMap<>();
    private final List<Consumer<FunctionRef>> listeners = new CopyOnWriteArrayList<>();

    /** Sets the function's routing (creating the function if new) and tells the listeners. */
    public void publish(FunctionRef function, Routing routing) {
        Routing old = routes.put(function, routing);
        if (!routing.equals(old)) {
            listeners.forEach(l -> l.accept(function));
        }
    }

    /** Removes the function: requests for it are answered 404 from now on, waiting ones are abandoned. */
    public void remove(FunctionRef function) {
        if (routes.remove(function) != null) {
            listeners.forEach(l -> l.accept(function));
        }
    }

    /** Sets how the function's requests split over its revisions (routed as functions of their own). */
    public void publishTraffic(FunctionRef function, List<TrafficTarget> split) {
        List<TrafficTarget> old = traffic.put(function, List.copyOf(split));
        if (!split.equals(old)) {
            listeners.forEach(l -> l.accept(function));
        }
    }

    /** Forgets the function's traffic split: its requests are answered 404 unless it is routed itself. */
    public void removeTraffic(FunctionRef function) {
        if (traffic.remove(function) != null) {
            listeners.forEach(l -> l.accept(function));
        }
    }

    @Override
    public Optional<List<TrafficTarget>> traffic(FunctionRef function) {
        return Optional.ofNullable(traffic.get(function));
    }

    @Override
    public Optional<Routing> routing(FunctionRef function) {
        return Optional.ofNullable(routes.get(function));
    }

    @Override
    public void onChange(Consumer<FunctionRef> listener) {
        listeners.add(listener);
    }
}
