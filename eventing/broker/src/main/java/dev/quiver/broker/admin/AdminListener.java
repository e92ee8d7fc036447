package dev.quiver.broker.admin;

import dev.quiver.broker.security.BearerAuth;
import dev.quiver.broker.security.BrokerSecurity;
import dev.quiver.broker.sources.SourceRoutes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Where the admin API is served: on the main HTTP port (the default, what local clients use), or, when
 * {@code quiver.broker.admin.port} is set, only on a second Vert.x HTTP server of its own on that port and the same
 * host, so a Kubernetes NetworkPolicy can open that port to the controller alone. A plain second Vert.x server,
 * not the Quarkus management interface: that one is fixed at build time and moves health and metrics with it.
 */
@ApplicationScoped
public class AdminListener {

    private static final Logger LOG = Logger.getLogger(AdminListener.class);

    private final AdminRoutes routes;
    private final SourceRoutes sources;
    private final BrokerSecurity security;
    private Vertx vertx;

    public AdminListener(AdminRoutes routes, SourceRoutes sources, BrokerSecurity security) {
        this.routes = routes;
        this.sources = sources;
        this.security = security;
    }

    /** Every admin route set, behind {@code auth}: the triggers' (which puts {@code auth} on /admin/*), the sources'. */
    private void mountAll(Router router, Handler<RoutingContext> auth) {
        routes.mount(router, auth);
        sources.mount(router);
    }

    void onMainRouter(@Observes Router router) {
        if (security.adminPort().isEmpty()) {
            mountAll(router, auth());
        }
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        if (security.adminPort().isEmpty()) {
            return;
        }
        // its own small Vert.x without metrics: Quarkus's Vert.x metrics would tag a second server's meters
        // differently from the main one's, which Prometheus refuses
        vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(4)
                .setMetricsOptions(new MetricsOptions().setEnabled(false)));
        Router router = Router.router(vertx);
        mountAll(router, auth());
        int port = security.adminPort().getAsInt();
        HttpServer server;
        try {
            server = vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(port, security.host())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    BrokerSecurity.ADMIN_PORT + ": cannot listen on " + security.host() + ":" + port + ": "
                            + e.getCause(),
                    e.getCause());
        }
        LOG.infof(
                "admin API on %s:%d%s",
                security.host(),
                server.actualPort(),
                security.adminToken().isPresent() ? " (bearer token required)" : "");
    }

    void onStop(@Observes ShutdownEvent event) {
        if (vertx != null) {
            vertx.close();
        }
    }

    private Handler<RoutingContext> auth() {
        return security.adminToken()
                .<Handler<RoutingContext>>map(t -> new BearerAuth(
                        List.of(t),
                        "the admin API (" + BrokerSecurity.ADMIN_TOKEN + " / " + BrokerSecurity.ADMIN_TOKEN_FILE + ")"))
                .orElse(RoutingContext::next);
    }
}
