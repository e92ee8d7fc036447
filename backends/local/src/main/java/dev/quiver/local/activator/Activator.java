package dev.quiver.local.activator;

import dev.quiver.control.activator.ActivatorServer;
import dev.quiver.local.config.PlatformSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The local platform's gateway in front of all functions: the shared activator
 * ({@link dev.quiver.control.activator.Activator}, wired by {@link ActivatorBeans}) served by its own Vert.x HTTP
 * server (one per event loop, sharing the port) in the control plane's process: routing comes from the loop's
 * {@code PublishedEndpoints} in memory, and a poke is a method call, not a network hop.
 */
@ApplicationScoped
public class Activator {
    private static final Logger LOG = Logger.getLogger(Activator.class);

    private final Vertx vertx;
    private final PlatformSettings settings;
    private final dev.quiver.control.activator.Activator activator;
    private volatile ActivatorServer server;

    private final dev.quiver.local.backend.InstanceRunner runner;

    public Activator(
            Vertx vertx,
            PlatformSettings settings,
            dev.quiver.control.activator.Activator activator,
            dev.quiver.local.backend.InstanceRunner runner) {
        this.vertx = vertx;
        this.settings = settings;
        this.activator = activator;
        this.runner = runner;
    }

    /** The port it listens on (the configured one, or the one picked for 0). */
    public int port() {
        return server == null ? settings.activator().port() : server.port();
    }

    void start(@Observes StartupEvent ev) throws Exception {
        var a = settings.activator();
        server = ActivatorServer.start(vertx, activator, a.host(), a.port(), a.servers())
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        // a warm-pool instance gets a connection from each event loop once warmed up: its promotion does not connect
        if (runner instanceof dev.quiver.local.backend.process.ProcessBackend processes) {
            ActivatorServer s = server;
            processes.onPoolReady(p -> s.preconnect("127.0.0.1", p));
        }
        LOG.infof(
                "Activator listening on http://%s:%d (%d event loops): /f/{function}/... or Host {function}.%s",
                a.host(), server.port(), Math.max(1, a.servers()), a.domain());
    }

    void stop(@Observes ShutdownEvent ev) {
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("activator stop: %s", e.getMessage());
            }
        }
    }
}
