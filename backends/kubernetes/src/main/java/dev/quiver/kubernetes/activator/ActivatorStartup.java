package dev.quiver.kubernetes.activator;

import dev.quiver.control.activator.Activator;
import dev.quiver.control.activator.ActivatorServer;
import dev.quiver.control.activator.coldstart.ColdStartMeters;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.routing.ClusterRouter;
import dev.quiver.kubernetes.controller.ControllerConfig;
import dev.quiver.kubernetes.controller.Role;
import dev.quiver.kubernetes.controller.WatchedNamespaces;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the shared activator ({@link Activator}) when {@code quiver.kubernetes.role=activator}; otherwise does
 * nothing. Endpoints come from {@link KubeDirectory} (informers), pokes go to the controller ({@link ControllerPoke}),
 * metrics to Quarkus's Micrometer registry ({@code /q/metrics}).
 */
@ApplicationScoped
public class ActivatorStartup {
    private static final Logger LOG = Logger.getLogger(ActivatorStartup.class);
    private final KubernetesClient client;
    private final ControllerConfig config;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private volatile Running running;

    /** A started activator and what it needs closed. */
    public record Running(Activator activator, ActivatorServer server, KubeDirectory directory, HttpClient pokes) {
        public Future<Void> close() {
            directory.close();
            return server.close().compose(v -> pokes.close());
        }
    }

    public ActivatorStartup(KubernetesClient client, ControllerConfig config, Vertx vertx, MeterRegistry registry) {
        this.client = client;
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
    }

    /** The activator as the Kubernetes backend wires it (its main, and the contract tests). */
    public static Future<Running> start(
            Vertx vertx,
            KubernetesClient client,
            ActivatorSettings settings,
            String ownNamespace,
            WatchedNamespaces watched,
            String host,
            int servers,
            MeterRegistry registry) {
        KubeDirectory directory = new KubeDirectory(client, watched).start();
        HttpClient pokes = vertx.createHttpClient();
        Activator activator = new Activator(
                settings.shared(),
                new ClusterRouter(ownNamespace, settings.clusterDomain()),
                directory,
                new ControllerPoke(pokes, settings.controllerUrl()),
                registry,
                new ColdStartRecorder(new ColdStartMeters(registry)));
        return ActivatorServer.start(vertx, activator, host, settings.port(), servers)
                .map(server -> new Running(activator, server, directory, pokes));
    }

    void start(@Observes StartupEvent ev) {
        if (Role.of(config.role()) != Role.ACTIVATOR) {
            return;
        }
        ActivatorSettings settings = ActivatorSettings.from(config);
        String ns = config.ownNamespace(client.getNamespace());
        WatchedNamespaces watched = config.watched(client.getNamespace());
        running = start(
                        vertx,
                        client,
                        settings,
                        ns,
                        watched,
                        "0.0.0.0",
                        Runtime.getRuntime().availableProcessors(),
                        registry)
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        LOG.infof(
                "Quiver activator on port %d for Functions in %s (own namespace %s, controller %s)",
                running.server().port(), watched, ns, settings.controllerUrl());
    }

    /** The running activator, null in the controller role or before start. */
    public Running running() {
        return running;
    }

    void stop(@Observes ShutdownEvent ev) {
        if (running != null) {
            running.close();
        }
    }

    /** The port the proxy listens on; empty in the controller role. */
    public Optional<Integer> port() {
        return Optional.ofNullable(running).map(r -> r.server().port());
    }

    /** The running activator; empty in the controller role. */
    public Optional<Activator> activator() {
        return Optional.ofNullable(running).map(Running::activator);
    }
}
