package dev.quiver.local.activator;

import dev.quiver.local.coldstart.ColdStartRecorder;
import dev.quiver.local.config.PlatformSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The gateway in front of all functions, as its own Vert.x HTTP server (one per event loop, sharing the port) in
 * the control plane's process: routing, buffering and load balancing read the control loop's state in memory, and
 * a poke is a method call, not a network hop.
 */
@ApplicationScoped
public class Activator {
    private static final Logger LOG = Logger.getLogger(Activator.class);

    private final Vertx vertx;
    private final PlatformSettings settings;
    private final Gates gates = new Gates();
    private final ActivatorMetrics metrics;
    private final ColdStartRecorder coldStarts;
    private final List<String> deployments = new ArrayList<>();
    private volatile int port;

    public Activator(Vertx vertx, PlatformSettings settings, MeterRegistry registry, ColdStartRecorder coldStarts) {
        this.vertx = vertx;
        this.coldStarts = coldStarts;
        this.settings = settings;
        this.metrics = new ActivatorMetrics(registry);
    }

    @Produces
    @Singleton
    Gates gates() {
        return gates;
    }

    public ActivatorMetrics metrics() {
        return metrics;
    }

    /** The port it listens on (the configured one, or the one picked for 0). */
    public int port() {
        return port;
    }

    void start(@Observes StartupEvent ev) throws Exception {
        var a = settings.activator();
        ActivatorVerticle first = new ActivatorVerticle(a, gates, metrics, coldStarts, a.port());
        deployments.add(vertx.deployVerticle(first).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        port = first.actualPort();
        for (int i = 1; i < a.servers(); i++) {
            deployments.add(vertx.deployVerticle(new ActivatorVerticle(a, gates, metrics, coldStarts, port),
                    new DeploymentOptions()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        }
        LOG.infof("Activator listening on http://%s:%d (%d event loops): /f/{function}/... or Host {function}.%s",
                a.host(), port, a.servers(), a.domain());
    }

    void stop(@Observes ShutdownEvent ev) {
        for (String id : deployments) {
            try {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("undeploy %s: %s", id, e.getMessage());
            }
        }
    }
}
