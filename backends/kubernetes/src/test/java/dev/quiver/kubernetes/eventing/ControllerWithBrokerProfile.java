package dev.quiver.kubernetes.eventing;

import dev.quiver.kubernetes.controller.ControllerOnProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The running controller of {@link ControllerOnProfile}, sending triggers to a {@link FakeBroker} on a free port. The
 * profile and the test run in different class loaders: the broker's request log and triggers reach the test through
 * the system properties, as JDK types ({@link #requests()}, {@link #triggerNames()}).
 */
public class ControllerWithBrokerProfile implements QuarkusTestProfile {
    private static final String REQUESTS = "quiver.test.fake-broker.requests";
    private static final String TRIGGERS = "quiver.test.fake-broker.triggers";
    private static final String URL = "quiver.test.fake-broker.url";

    static {
        start();
    }

    /** Once per JVM: the class is loaded by more than one class loader. */
    private static synchronized void start() {
        if (System.getProperties().containsKey(URL)) {
            return;
        }
        try {
            FakeBroker b = new FakeBroker();
            System.getProperties().put(REQUESTS, b.requests);
            System.getProperties().put(TRIGGERS, b.triggers);
            System.setProperty(URL, b.uri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request the broker got, as {@code METHOD path body}. */
    static List<String> requests() {
        return ((List<?>) System.getProperties().get(REQUESTS))
                .stream().map(String::valueOf).toList();
    }

    /** The names of the triggers the broker holds now. */
    static Set<String> triggerNames() {
        return ((Map<?, ?>) System.getProperties().get(TRIGGERS))
                .keySet().stream().map(String::valueOf).collect(Collectors.toSet());
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new ControllerOnProfile().getConfigOverrides());
        config.put("quiver.kubernetes.broker-url", System.getProperty(URL));
        return config;
    }
}
