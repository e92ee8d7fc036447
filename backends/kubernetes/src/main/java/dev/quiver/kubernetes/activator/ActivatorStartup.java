package dev.quiver.kubernetes.activator;

import dev.quiver.kubernetes.controller.ControllerConfig;
import dev.quiver.kubernetes.controller.Role;
import dev.quiver.kubernetes.controller.WatchedNamespaces;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Starts the activator's proxy server when {@code quiver.kubernetes.role=activator}; otherwise does nothing. */
@ApplicationScoped
public class ActivatorStartup {
    private static final Logger LOG = Logger.getLogger(ActivatorStartup.class);
    private final KubernetesClient client;
    private final ControllerConfig config;
    private final Vertx vertx;
    private Activator activator;
    private KubeDirectory directory;
    private Integer port;

    public ActivatorStartup(KubernetesClient client, ControllerConfig config, Vertx vertx) {
        this.client = client;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ev) {
        if (Role.of(config.role()) != Role.ACTIVATOR) {
            return;
        }
        ActivatorSettings settings = ActivatorSettings.from(config);
        String ns = config.ownNamespace(client.getNamespace());
        WatchedNamespaces watched = config.watched(client.getNamespace());
        activator = new Activator(vertx, settings, ns);
        port = activator.start("0.0.0.0", l -> directory = new KubeDirectory(client, watched, l).start())
                .toCompletionStage().toCompletableFuture().join();
        LOG.infof("Quiver activator on port %d for Functions in %s (own namespace %s, controller %s)", port, watched,
                ns, settings.controllerUrl());
    }

    void stop(@Observes ShutdownEvent ev) {
        if (directory != null) {
            directory.close();
        }
        if (activator != null) {
            activator.close();
        }
    }

    /** The port the proxy listens on; empty in the controller role. */
    public Optional<Integer> port() {
        return Optional.ofNullable(port);
    }

    /** The running activator's counters; empty in the controller role. */
    public Optional<ActivatorStats> stats() {
        return Optional.ofNullable(activator).map(Activator::stats);
    }
}
