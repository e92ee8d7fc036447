package dev.quiver.kubernetes.scaling;

import dev.quiver.scaler.warmpool.Instance;
import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;

/**
 * A function's pod as the planner sees it.
 *
 * @param role         ACTIVE ({@code quiver.dev/pool=active}) or POOL ({@code warm})
 * @param fromWarmPool created by the controller as a warm pod (owned by the Function, not by a ReplicaSet): it can
 *                     be relabelled in and out of traffic; a Deployment pod can only be removed by lowering replicas
 * @param revision     the pod template hash it was made from
 */
public record PodView(
        String name,
        Role role,
        boolean ready,
        double inFlight,
        Instant startedAt,
        boolean fromWarmPool,
        String revision) {

    public Instance instance() {
        return new Instance(name, role, ready, inFlight, startedAt);
    }

    public boolean active() {
        return role == Role.ACTIVE;
    }
}
