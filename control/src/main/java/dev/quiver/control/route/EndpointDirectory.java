package dev.quiver.control.route;

import dev.quiver.scaler.traffic.TrafficTarget;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: where the activator learns which functions exist and their ready endpoints. The local backend publishes
 * them from its loop ({@link PublishedEndpoints}); the Kubernetes backend reads EndpointSlices through informers.
 */
public interface EndpointDirectory {
    /** @return the function's routing, or empty when no such function exists */
    Optional<Routing> routing(FunctionRef function);

    /**
     * The function's resolved traffic split over its revisions (each revision is routed as a function of its own,
     * {@code <function>-0000N}); empty when requests go to the function itself (it has no revisions).
     */
    default Optional<List<TrafficTarget>> traffic(FunctionRef function) {
        return Optional.empty();
    }

    /** Registers a listener called (on any thread) after a function's routing may have changed or it was removed. */
    void onChange(Consumer<FunctionRef> listener);
}
