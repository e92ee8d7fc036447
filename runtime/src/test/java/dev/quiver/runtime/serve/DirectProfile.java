package dev.quiver.runtime.serve;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** An instance launched as the platform launches one that may serve a direct address. */
public class DirectProfile implements QuarkusTestProfile {
    static final String TOKEN = "direct-test-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quiver.direct.token", TOKEN, "quarkus.vertx.prefer-native-transport", "true");
    }

    /** The same, in an application of its own (a test that drains it). */
    public static class Draining extends DirectProfile {}
}
