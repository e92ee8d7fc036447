package dev.quiver.control.loop;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.scaler.decision.Decision;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Port: what runs a function's instances. Local processes and Kubernetes pods implement it; the loop decides, the
 * backend makes the decision happen. Called on the loop's thread.
 */
public interface InstanceBackend {

    /** The function's instances now: starting, ready and draining, of every revision. */
    List<InstanceView> instances(FunctionRef function);

    /**
     * Makes a decision happen: its instance actions (start active, start warm, promote, return to pool, stop after a
     * drain) and its mode (serve from the instances or proxy through the activator).
     */
    void apply(LoopFunction function, Decision decision);

    /**
     * The promotion fast path: puts this ready warm-pool instance into traffic now, from any thread (an activator's
     * event loop), ahead of the loop's decision, which follows and sees it active. A backend that cannot flip a role
     * outside its loop's thread answers false and the loop promotes on its next decision.
     *
     * @return whether the instance is active now
     */
    default boolean promoteNow(FunctionRef function, String instanceId) {
        return false;
    }

    /** The function's code or configuration changed ({@link LoopFunction#revision()}): replace its instances. */
    void roll(LoopFunction function);

    /** The function was deleted: drain and stop its instances. */
    void remove(FunctionRef function);

    /** Registers a listener called (on any thread) when an instance changed on its own: ready, exited, crashed. */
    default void onChange(Consumer<FunctionRef> listener) {}

    /** The loop's latest stats readings of the function's instances, by instance id. */
    default void observed(FunctionRef function, Map<String, StatsReport> stats) {}

    /** Platform shutdown. */
    default void close() {}
}
