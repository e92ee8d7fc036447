package dev.quiver.kubernetes.scaling;

import dev.quiver.scaler.decision.Mode;

/** One change to a function's objects, in the order the applier makes them. */
public sealed interface KubeOp {

    /** Relabel a pod's {@code quiver.dev/pool} (promotion: warm to active; return to pool: active to warm). */
    record Relabel(String pod, String pool) implements KubeOp {}

    /** Annotate a Deployment pod with a pod-deletion-cost so the ReplicaSet removes it first. */
    record MarkForDeletion(String pod, int cost) implements KubeOp {}

    /** Set the Deployment's replicas. */
    record SetReplicas(int replicas) implements KubeOp {}

    /** Delete a warm-pool pod (drains on SIGTERM). */
    record DeletePod(String pod) implements KubeOp {}

    /** Create warm pods. */
    record CreateWarmPods(int count) implements KubeOp {}

    /** Route the public Service to the pods (serve) or to the activator (proxy): its mode and its EndpointSlice. */
    record Route(Mode mode) implements KubeOp {}
}
