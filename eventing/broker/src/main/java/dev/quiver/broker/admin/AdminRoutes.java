package dev.quiver.broker.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.store.StoreException;
import dev.quiver.broker.trigger.InvalidTriggerException;
import dev.quiver.broker.trigger.TriggerConflictException;
import dev.quiver.broker.trigger.TriggerYaml;
import dev.quiver.broker.trigger.Triggers;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The admin API: {@code GET|POST /admin/v1/triggers}, {@code GET|DELETE /admin/v1/triggers/{name}}. POST takes
 * a Trigger resource as JSON or YAML and answers 201 once the trigger's consumer owns its partitions (or after
 * {@code quiver.broker.dispatcher.ready-timeout}, with {@code status.ready=false}). Answers are the shared contract
 * record {@link TriggerDocument} (api), which {@code BrokerAdminClient} reads. A create or delete is answered only
 * after the trigger store ({@code quiver.broker.kafka.triggers-topic}) acknowledged it; 503 when it did not. Mounted by {@link AdminListener} on
 * the main router or on the admin port's own, behind the admin token.
 */
@ApplicationScoped
public class AdminRoutes {

    static final String PATH = "/admin/v1/triggers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BODY_TYPES =
            List.of("application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/plain");
    static final int MAX_BODY = 1024 * 1024;

    private final Triggers triggers;
    private final BrokerSettings settings;
    private final BrokerRoutes brokerRoutes;

    public AdminRoutes(Triggers triggers, BrokerSettings settings, BrokerRoutes brokerRoutes) {
        this.triggers = triggers;
        this.settings = settings;
        this.brokerRoutes = brokerRoutes;
    }

    /** Adds the routes to {@code router}, each behind {@code auth} (a pass-through when no token is configured). */
    void mount(Router router, Handler<RoutingContext> auth) {
        router.route("/admin/*").handler(auth);
        brokerRoutes.mount(router);
        router.get(PATH).handler(ctx -> json(ctx, 200, triggers.list()));
        router.get(PATH + "/:name").handler(ctx -> {
            String name = ctx.pathParam("name");
            triggers.get(name)
                    .ifPresentOrElse(t -> json(ctx, 200, t), () -> error(ctx, 404, "trigger '" + name + "' not found"));
        });
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .handler(this::create);
        router.delete(PATH + "/:name").handler(ctx -> {
            String name = ctx.pathParam("name");
            ctx.vertx().executeBlocking(() -> triggers.delete(name), false).onComplete(r -> {
                if (r.failed() && r.cause() instanceof StoreException e) {
                    error(ctx, 503, e.getMessage());
                } else if (r.failed()) {
                    error(ctx, 500, String.valueOf(r.cause()));
                } else if (r.result()) {
                    ctx.response().setStatusCode(204).end();
                } else {
                    error(ctx, 404, "trigger '" + name + "' not found");
                }
            });
        });
    }

    /** Answers 415 and returns false unless the body is JSON or YAML. */
    static boolean bodyTypeAccepted(RoutingContext ctx) {
        String type = Optional.ofNullable(ctx.request().getHeader("Content-Type"))
                .orElse("application/json")
                .split(";")[0]
                .trim()
                .toLowerCase(Locale.ROOT);
        if (!BODY_TYPES.contains(type)) {
            error(ctx, 415, "Content-Type must be one of " + BODY_TYPES + ", got '" + type + "'");
            return false;
        }
        return true;
    }

    private void create(RoutingContext ctx) {
        if (!bodyTypeAccepted(ctx)) {
            return;
        }
        String body = ctx.body().asString();
        ctx.vertx()
                .executeBlocking(() -> create(body == null ? "" : body), false)
                .onComplete(r -> {
                    if (r.failed()) {
                        error(ctx, 500, String.valueOf(r.cause()));
                    } else {
                        Created c = r.result();
                        if (c.document == null) {
                            error(ctx, c.status, c.error);
                        } else {
                            ctx.response().putHeader("Location", PATH + "/" + c.document.name());
                            json(ctx, 201, c.document);
                        }
                    }
                });
    }

    private record Created(int status, String error, TriggerDocument document) {}

    /** Blocking: creates the trigger and waits up to the ready timeout for its consumer. */
    private Created create(String body) throws InterruptedException {
        TriggerDocument resource;
        CompletableFuture<Void> ready;
        try {
            resource = TriggerYaml.readOne(body);
            ready = triggers.create(resource);
        } catch (InvalidTriggerException e) {
            return new Created(400, e.getMessage(), null);
        } catch (TriggerConflictException e) {
            return new Created(409, e.getMessage(), null);
        } catch (StoreException e) {
            return new Created(503, e.getMessage(), null);
        }
        try {
            ready.get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notYet) {
            // answered with status.ready=false
        }
        String name = resource.name();
        return triggers.get(name)
                .map(t -> new Created(201, null, t))
                .orElseGet(() -> new Created(409, "trigger '" + name + "' was deleted meanwhile", null));
    }

    static void json(RoutingContext ctx, int status, Object value) {
        String text;
        try {
            text = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            error(ctx, 500, "cannot write the answer: " + e.getOriginalMessage());
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(text);
    }

    /** The admin API's error shape since its first version: {@code {"status":400,"error":"spec.broker: ..."}}. */
    static void error(RoutingContext ctx, int status, String message) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("status", status)
                        .put("error", message)
                        .encode());
    }
}
