package dev.quiver.kubernetes.activator;

import dev.quiver.api.activator.ActivatorLoad;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /quiver/activator/load} on the activator pod's admin port (Quarkus's HTTP server, port {@code admin}):
 * the requests the activator holds, which the controller's loop counts as concurrency. Served there, not only on the
 * activator's traffic port, so the NetworkPolicy can admit the controller alone to it. 404 until the activator runs.
 */
@ApplicationScoped
public class ActivatorLoadRoute {

    void install(@Observes Router router, ActivatorStartup startup) {
        router.get(ActivatorLoad.PATH).handler(ctx -> {
            ActivatorStartup.Running running = startup.running();
            if (running == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response()
                    .putHeader("content-type", "application/json")
                    .end(Json.encode(running.activator().load()));
        });
    }
}
