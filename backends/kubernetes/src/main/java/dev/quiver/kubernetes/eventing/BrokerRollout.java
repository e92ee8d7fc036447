package dev.quiver.kubernetes.eventing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/** Whether a Deployment's latest pod template is rolled out: what {@code kubectl rollout status} waits for. */
public final class BrokerRollout {
    private BrokerRollout() {}

    public static boolean done(Deployment d) {
        DeploymentStatus s = d.getStatus();
        if (s == null || s.getObservedGeneration() == null) {
            return false;
        }
        long generation =
                d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        return s.getObservedGeneration() >= generation
                && n(s.getUpdatedReplicas()) >= replicas
                && n(s.getReplicas()) <= n(s.getUpdatedReplicas())
                && n(s.getAvailableReplicas()) >= Math.min(1, replicas);
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
