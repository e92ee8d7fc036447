package dev.quiver.kubernetes.activator;

import dev.quiver.control.activator.routing.ClusterRouter;
import dev.quiver.kubernetes.controller.ControllerConfig;
import java.net.URI;
import java.time.Duration;

/**
 * The activator's validated settings ({@code quiver.kubernetes.activator.*} and {@code quiver.kubernetes.controller-url});
 * {@link #from} fails naming the key, the rule and the value. {@link #shared()} is what the shared activator takes.
 */
public record ActivatorSettings(
        int port,
        Duration timeout,
        int queueDepth,
        int retryAfterSeconds,
        Duration pokeInterval,
        String clusterDomain,
        URI controllerUrl,
        long maxBodySize,
        long maxQueuedBytes) {
    private static final String P = "quiver.kubernetes.activator.";
    /** Attempts per request when a connection is refused (nothing sent), the same on both backends. */
    static final int MAX_ATTEMPTS = dev.quiver.control.activator.ActivatorSettings.DEFAULTS.maxAttempts();

    public ActivatorSettings {
        check(port >= 0 && port <= 65535, P + "port", "must be 0..65535", port);
        check(!timeout.isNegative() && !timeout.isZero(), P + "timeout", "must be positive", timeout);
        check(queueDepth >= 1, P + "queue-depth", "must be >= 1", queueDepth);
        check(retryAfterSeconds >= 0, P + "retry-after-seconds", "must be >= 0", retryAfterSeconds);
        check(
                !pokeInterval.isNegative() && !pokeInterval.isZero(),
                P + "poke-interval",
                "must be positive",
                pokeInterval);
        check(
                ClusterRouter.dnsLabel(clusterDomain.split("\\.")[0]),
                P + "cluster-domain",
                "must be a DNS name",
                clusterDomain);
        check(maxBodySize >= 1, P + "max-body-size", "must be >= 1", maxBodySize);
        check(maxQueuedBytes >= 1, P + "max-queued-bytes", "must be >= 1", maxQueuedBytes);
    }

    public ActivatorSettings(
            int port,
            Duration timeout,
            int queueDepth,
            int retryAfterSeconds,
            Duration pokeInterval,
            String clusterDomain,
            URI controllerUrl,
            long maxBodySize) {
        this(
                port,
                timeout,
                queueDepth,
                retryAfterSeconds,
                pokeInterval,
                clusterDomain,
                controllerUrl,
                maxBodySize,
                dev.quiver.control.activator.ActivatorSettings.DEFAULT_MAX_QUEUED_BYTES);
    }

    public ActivatorSettings(
            int port,
            Duration timeout,
            int queueDepth,
            int retryAfterSeconds,
            Duration pokeInterval,
            String clusterDomain,
            URI controllerUrl) {
        this(
                port,
                timeout,
                queueDepth,
                retryAfterSeconds,
                pokeInterval,
                clusterDomain,
                controllerUrl,
                dev.quiver.control.activator.ActivatorSettings.DEFAULTS.maxBodyBytes());
    }

    public static ActivatorSettings from(ControllerConfig c) {
        ControllerConfig.Activator a = c.activator();
        return new ActivatorSettings(
                a.port(),
                a.timeout(),
                a.queueDepth(),
                a.retryAfterSeconds(),
                a.pokeInterval(),
                a.clusterDomain(),
                controllerUrl(c.controllerUrl()),
                a.maxBodySize(),
                a.maxQueuedBytes());
    }

    /** The settings of the shared activator. */
    public dev.quiver.control.activator.ActivatorSettings shared() {
        return new dev.quiver.control.activator.ActivatorSettings(
                queueDepth, timeout, maxBodySize, retryAfterSeconds, pokeInterval, MAX_ATTEMPTS, maxQueuedBytes);
    }

    public static URI controllerUrl(String value) {
        try {
            URI u = URI.create(value);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "quiver.kubernetes.controller-url must be an absolute http(s) URL, but was '" + value + "'");
    }

    private static void check(boolean ok, String key, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(key + " " + rule + ", but was '" + value + "'");
        }
    }
}
