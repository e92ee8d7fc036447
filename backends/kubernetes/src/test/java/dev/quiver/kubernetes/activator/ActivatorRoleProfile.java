package dev.quiver.kubernetes.activator;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The app started as the activator (namespace {@code actrole}, proxy on a free port). */
public class ActivatorRoleProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quiver.kubernetes.role",
                "activator",
                "quiver.kubernetes.namespace",
                "actrole",
                "quiver.kubernetes.activator.port",
                "0",
                "quiver.kubernetes.controller-url",
                "http://127.0.0.1:9");
    }
}
