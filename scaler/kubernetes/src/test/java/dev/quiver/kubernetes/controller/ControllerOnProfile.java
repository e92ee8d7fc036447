package dev.quiver.kubernetes.controller;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The controller with its informer and scaler loop running, watching namespace {@code live}. */
public class ControllerOnProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quiver.kubernetes.enabled", "true", "quiver.kubernetes.namespace", "live",
                "quiver.kubernetes.resync", "5s");
    }
}
