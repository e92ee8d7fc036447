package dev.quiver.kubernetes.controller;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code quiver.kubernetes.*}: the controller's settings. */
@ConfigMapping(prefix = "quiver.kubernetes")
public interface ControllerConfig {
    /** The activator Deployment's pod labels in deploy/base/activator.yaml. */
    String DEFAULT_ACTIVATOR_SELECTOR = "app.kubernetes.io/name=quiver-activator";

    /** Namespace whose Functions are reconciled; default: the client's (the pod's own namespace). */
    Optional<String> namespace();

    /** Whether the informers and the scaler loop start (off in tests that drive the reconciler directly). */
    @WithDefault("true")
    boolean enabled();

    /** Labels of the activator pods (same namespace), {@code k=v[,k=v]}: a Service in proxy mode selects them. */
    @WithDefault(DEFAULT_ACTIVATOR_SELECTOR)
    String activatorSelector();

    /** {@link #activatorSelector()} as a map. */
    static Map<String, String> labels(String selector) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : selector.split(",")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("quiver.kubernetes.activator-selector: must be k=v[,k=v], was \""
                        + selector + "\"");
            }
            out.put(kv[0].trim(), kv[1].trim());
        }
        return out;
    }

    /** Kafka bootstrap servers given to every instance as KAFKA_BOOTSTRAP_SERVERS; also read for lag. */
    Optional<String> kafkaBootstrapServers();

    /** The broker's admin API, where Trigger resources are sent. */
    @WithDefault("http://quiver-broker")
    URI brokerUrl();

    /** Full reconcile of every Function at least this often. */
    @WithDefault("30s")
    Duration resync();
}
