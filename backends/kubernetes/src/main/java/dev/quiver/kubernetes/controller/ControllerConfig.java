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
    /** The ConfigMap the broker Deployment in deploy/base/broker.yaml reads QUIVER_BROKER_NAMES from. */
    String DEFAULT_BROKER_NAMES_CONFIG_MAP = "quiver-brokers";
    /** The broker Deployment and Service in deploy/base/broker.yaml. */
    String DEFAULT_BROKER_DEPLOYMENT = "quiver-broker";
    /** The activator's proxy port: the {@code http} port of the activator pods in deploy/base/activator.yaml. */
    String DEFAULT_ACTIVATOR_PORT = "8012";

    /** The process's own namespace; default: the client's (the pod's own namespace). */
    Optional<String> namespace();

    /**
     * Where Functions are watched: a comma list of namespaces, or {@code *} for all; default: {@link #namespace()}.
     * Parsed and checked by {@link WatchedNamespaces#parse}.
     */
    Optional<String> namespaces();

    /** Namespace of the activator pods (proxy mode routes to them); default: {@link #namespace()}. */
    Optional<String> activatorNamespace();

    /** Whether the informers and the scaler loop start (off in tests that drive the reconciler directly). */
    @WithDefault("true")
    boolean enabled();

    /** Labels of the activator pods in {@link #activatorNamespace()}, {@code k=v[,k=v]}: proxy mode routes to them. */
    @WithDefault(DEFAULT_ACTIVATOR_SELECTOR)
    String activatorSelector();

    /** {@link #activatorSelector()} as a map. */
    static Map<String, String> labels(String selector) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : selector.split(",")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException(
                        "quiver.kubernetes.activator-selector: must be k=v[,k=v], was \"" + selector + "\"");
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

    /** What this process runs: {@code controller} or {@code activator} (the same image runs as either). */
    @WithDefault("controller")
    String role();

    /** The controller's HTTP address, where the activator POSTs {@code /quiver/poke/{namespace}/{function}}. */
    @WithDefault("http://quiver-controller")
    String controllerUrl();

    /** The Broker Deployment (and Service) whose served broker names the controller writes from Broker resources. */
    @WithDefault(DEFAULT_BROKER_DEPLOYMENT)
    String brokerDeployment();

    /** ConfigMap the controller writes {@code QUIVER_BROKER_NAMES} into; the broker Deployment reads it. */
    @WithDefault(DEFAULT_BROKER_NAMES_CONFIG_MAP)
    String brokerNamesConfigMap();

    /** {@code quiver.kubernetes.activator.*}: used when {@link #role()} is {@code activator}. */
    Activator activator();

    /** The own namespace: {@link #namespace()} or the client's. */
    default String ownNamespace(String clientNamespace) {
        return namespace().orElse(clientNamespace);
    }

    /** {@link #namespaces()} parsed, checked. */
    default WatchedNamespaces watched(String clientNamespace) {
        return WatchedNamespaces.parse(namespaces(), ownNamespace(clientNamespace));
    }

    interface Activator {
        /** Port of the proxy (the activator pod's {@code http} port); health stays on quarkus.http.port. */
        @WithDefault(DEFAULT_ACTIVATOR_PORT)
        int port();

        /** Longest a request is held for a function with no ready instance before 503. */
        @WithDefault("30s")
        Duration timeout();

        /** Most requests held per function; beyond it 503 at once. */
        @WithDefault("100")
        int queueDepth();

        /** {@code Retry-After} seconds on 503. */
        @WithDefault("1")
        int retryAfterSeconds();

        /** While requests are held, the controller is poked again this often. */
        @WithDefault("1s")
        Duration pokeInterval();

        /** Largest request body in bytes; larger ones get 413. */
        @WithDefault("10485760")
        long maxBodySize();

        /** Most body bytes held in memory per function by waiting (read chunked) requests; past it 503. */
        @WithDefault("67108864")
        long maxQueuedBytes();

        /** Host suffix of in-cluster names: {@code <function>.<namespace>.svc.<cluster-domain>}. */
        @WithDefault("cluster.local")
        String clusterDomain();
    }
}
