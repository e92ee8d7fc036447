package dev.quiver.broker.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.broker.store.StoreException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sources' admin API, for each of {@code pingsources}, {@code kafkasources}, {@code kafkasinks} under
 * {@code /admin/v1/}: {@code POST} upserts a Knative document (JSON or YAML; 201 created, 200 replaced or
 * unchanged; 400 invalid, 415 body type, 503 not stored), {@code GET} lists ({@code <Kind>List} with
 * {@code items}), {@code GET /{name}} one, {@code DELETE /{name}} (204, 404). Answers carry Knative's status:
 * {@code status.conditions} (Ready), {@code status.sinkUri}, a KafkaSink's {@code status.address.url}. Mounted by
 * {@code admin.AdminListener} after the trigger routes, behind the same admin token.
 */
@ApplicationScoped
public class SourceRoutes {

    public static final String PREFIX = "/admin/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BODY_TYPES =
            List.of("application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/plain");
    private static final int MAX_BODY = 1024 * 1024;

    private final Sources sources;

    public SourceRoutes(Sources sources) {
        this.sources = sources;
    }

    /** @param router a router whose {@code /admin/*} routes are already behind the admin token */
    public void mount(Router router) {
        for (SourceKind kind : SourceKind.values()) {
            String path = PREFIX + kind.plural();
            router.get(path).handler(ctx -> {
                Map<String, Object> list = new LinkedHashMap<>();
                list.put("apiVersion", kind.apiVersion());
                list.put("kind", kind.kind() + "List");
                list.put("items", sources.list(kind));
                json(ctx, 200, list);
            });
            router.get(path + "/:name")
                    .handler(ctx -> sources.get(kind, ctx.pathParam("name"))
                            .ifPresentOrElse(
                                    r -> json(ctx, 200, r),
                                    () -> error(ctx, 404, kind.kind() + " '" + ctx.pathParam("name") + "' not found")));
            router.post(path)
                    .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                    .handler(ctx -> upsert(ctx, kind));
            router.delete(path + "/:name").handler(ctx -> {
                String name = ctx.pathParam("name");
                ctx.vertx()
                        .executeBlocking(() -> sources.delete(kind, name), false)
                        .onComplete(r -> {
                            if (r.failed()) {
                                error(ctx, r.cause() instanceof StoreException ? 503 : 500, String.valueOf(r.cause()));
                            } else if (r.result()) {
                                ctx.response().setStatusCode(204).end();
                            } else {
                                error(ctx, 404, kind.kind() + " '" + name + "' not found");
                            }
                        });
            });
        }
    }

    private void upsert(RoutingContext ctx, SourceKind kind) {
        String type = Optional.ofNullable(ctx.request().getHeader("Content-Type"))
                .orElse("application/json")
                .split(";")[0]
                .trim()
                .toLowerCase(Locale.ROOT);
        if (!BODY_TYPES.contains(type)) {
            error(ctx, 415, "Content-Type must be one of " + BODY_TYPES + ", got '" + type + "'");
            return;
        }
        String body = Optional.ofNullable(ctx.body().asString()).orElse("");
        ctx.vertx()
                .executeBlocking(
                        () -> {
                            SourceResource r = SourceDocuments.read(kind, body);
                            Sources.Change change = sources.upsert(kind, r);
                            return Map.entry(change, sources.get(kind, r.name()).orElseThrow());
                        },
                        false)
                .onComplete(r -> {
                    if (r.failed()) {
                        Throwable e = r.cause();
                        int status =
                                e instanceof InvalidSourceException ? 400 : e instanceof StoreException ? 503 : 500;
                        error(ctx, status, status == 500 ? String.valueOf(e) : e.getMessage());
                        return;
                    }
                    SourceResource answer = r.result().getValue();
                    ctx.response().putHeader("Location", PREFIX + kind.plural() + "/" + answer.name());
                    json(ctx, r.result().getKey() == Sources.Change.CREATED ? 201 : 200, answer);
                });
    }

    private static void json(RoutingContext ctx, int status, Object value) {
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

    /** The admin API's error shape: {@code {"status":400,"error":"spec.schedule: ..."}}. */
    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("status", status)
                        .put("error", message)
                        .encode());
    }
}
