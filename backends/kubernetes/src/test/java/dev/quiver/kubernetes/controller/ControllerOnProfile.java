package dev.quiver.kubernetes.controller;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The controller with its informers and scaler loop running in namespace {@code live}, watching Functions in
 * {@code live} and {@code team-a}, the activator pods in {@code quiver}.
 */
public class ControllerOnProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quiver.kubernetes.enabled",
                "true",
                "quiver.kubernetes.namespace",
                "live",
                "quiver.kubernetes.namespaces",
                "live,team-a",
                "quiver.kubernetes.activator-namespace",
                MockCluster.ACTIVATOR_NS,
                "quiver.kubernetes.resync",
                "5s");
    }
}
