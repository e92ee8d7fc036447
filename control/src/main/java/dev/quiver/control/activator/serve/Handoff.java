package dev.quiver.control.activator.serve;

import dev.quiver.scaler.traffic.TrafficTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who listens on a function's direct address, and in which order a change happens so that the port always has a
 * listener: the activator binds before the last instance closes; it lets go only once an instance listens. Pure.
 */
public final class Handoff {
    private Handoff() {}

    /** One step; the caller carries them out in order and stops at the first that fails (the next plan retries). */
    public sealed interface Step {}

    /** The activator binds the direct address (it buffers or proxies the function's requests there). */
    public record BindActivator() implements Step {}

    /** An instance binds the direct address. */
    public record Listen(String instance) implements Step {}

    /** An instance stops accepting on the direct address (its open connections finish with Connection: close). */
    public record Close(String instance) implements Step {}

    /** The activator stops accepting on the direct address. */
    public record ReleaseActivator() implements Step {}

    /**
     * @param direct whether instances may serve the address themselves (the function has no traffic split)
     * @param activatorBound whether the activator listens there now
     * @param eligible the instances that should listen: active, ready, not draining, of the serving revision
     * @param listening the instances that listen now
     */
    public static List<Step> plan(boolean direct, boolean activatorBound, Set<String> eligible, Set<String> listening) {
        Set<String> keep = direct ? eligible : Set.of();
        TreeSet<String> open = new TreeSet<>(keep);
        open.removeAll(listening);
        TreeSet<String> close = new TreeSet<>(listening);
        close.removeAll(keep);
        boolean instancesWillListen = !keep.isEmpty();
        List<Step> steps = new ArrayList<>();
        if (!instancesWillListen && !activatorBound) {
            steps.add(new BindActivator());
        }
        open.forEach(i -> steps.add(new Listen(i)));
        close.forEach(i -> steps.add(new Close(i)));
        if (instancesWillListen && activatorBound) {
            steps.add(new ReleaseActivator());
        }
        return steps;
    }

    /**
     * The revision whose instances may serve the function's direct address: the one taking all of its traffic when
     * no revision has a tag (a tag is a route of its own; a split needs the activator, which splits per request: the
     * kernel spreads connections, not requests, over listeners); empty otherwise.
     */
    public static Optional<String> servingRevision(List<TrafficTarget> traffic) {
        if (traffic.stream().anyMatch(t -> t.tag() != null)) {
            return Optional.empty();
        }
        List<TrafficTarget> serving =
                traffic.stream().filter(t -> t.percent() > 0).toList();
        return serving.size() == 1 && serving.get(0).percent() == 100
                ? Optional.of(serving.get(0).revision())
                : Optional.empty();
    }
}
