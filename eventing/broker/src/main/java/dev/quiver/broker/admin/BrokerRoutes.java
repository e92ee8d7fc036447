package dev.quiver.broker.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiver.api.eventing.BrokerDocument;
import dev.quiver.broker.store.StoreException;
import dev.quiver.broker.trigger.InvalidTriggerException;
import dev.quiver.broker.trigger.LiveBrokers;
import dev.quiver.broker.trigger.Triggers;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;

/**
 * Knative Broker documents on the admin API: {@code GET /admin/v1/brokers} (every broker, configured or applied),
 * {@code GET|DELETE /admin/v1/brokers/{name}}, {@code POST /admin/v1/brokers} (JSON or YAML; idempotent upsert: 201
 * created, 200 updated or unchanged). Answers carry Knative's status: {@code address.url} (this broker's ingress as
 * the caller reached it, {@code <scheme>://<host>/<broker>}) and the Ready condition. Mounted by {@link AdminRoutes}.
 */
@ApplicationScoped
public class BrokerRoutes {

    static final String PATH = "/admin/v1/brokers";
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final LiveBrokers brokers;
    private final Triggers triggers;

    public BrokerRoutes(LiveBrokers brokers, Triggers triggers) {
        this.brokers = brokers;
        this.triggers = triggers;
    }

    void mount(Router router) {
        router.get(PATH)
                .handler(ctx -> AdminRoutes.json(
                        ctx,
                        200,
                        brokers.list().stream().map(b -> withStatus(ctx, b)).toList()));
        router.get(PATH + "/:name").handler(ctx -> {
            String name = ctx.pathParam("name");
            brokers.get(name)
                    .ifPresentOrElse(
                            b -> AdminRoutes.json(ctx, 200, withStatus(ctx, b)),
                            () -> AdminRoutes.error(ctx, 404, "broker '" + name + "' not found"));
        });
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(AdminRoutes.MAX_BODY))
                .handler(this::apply);
        router.delete(PATH + "/:name").handler(this::delete);
    }

    private void apply(RoutingContext ctx) {
        if (!AdminRoutes.bodyTypeAccepted(ctx)) {
            return;
        }
        BrokerDocument doc;
        try {
            doc = YAML.readValue(ctx.body().asString() == null ? "" : ctx.body().asString(), BrokerDocument.class);
        } catch (IOException e) {
            AdminRoutes.error(
                    ctx,
                    400,
                    "not a Broker resource: "
                            + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        ctx.vertx().executeBlocking(() -> brokers.apply(doc), false).onComplete(r -> {
            if (r.failed() && r.cause() instanceof InvalidTriggerException e) {
                AdminRoutes.error(ctx, 400, e.getMessage());
            } else if (r.failed() && r.cause() instanceof StoreException e) {
                AdminRoutes.error(ctx, 503, e.getMessage());
            } else if (r.failed()) {
                AdminRoutes.error(ctx, 503, "cannot create the broker's topic: " + r.cause());
            } else {
                String name = doc.name();
                ctx.response().putHeader("Location", PATH + "/" + name);
                AdminRoutes.json(
                        ctx,
                        r.result() == LiveBrokers.Applied.CREATED ? 201 : 200,
                        withStatus(ctx, brokers.get(name).orElseThrow()));
            }
        });
    }

    private void delete(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        List<String> using = triggers.list().stream()
                .filter(t -> name.equals(
                        t.spec().broker() == null ? "default" : t.spec().broker()))
                .map(t -> t.name())
                .toList();
        if (!using.isEmpty()) {
            AdminRoutes.error(ctx, 409, "broker '" + name + "' has triggers " + using + "; delete them first");
            return;
        }
        ctx.vertx().executeBlocking(() -> brokers.delete(name), false).onComplete(r -> {
            if (r.failed() && r.cause() instanceof StoreException e) {
                AdminRoutes.error(ctx, 503, e.getMessage());
            } else if (r.failed()) {
                AdminRoutes.error(ctx, 500, String.valueOf(r.cause()));
            } else if (r.result().isEmpty()) {
                AdminRoutes.error(ctx, 409, "broker '" + name + "' is configured (quiver.broker.brokers), not deleted");
            } else if (r.result().get()) {
                ctx.response().setStatusCode(204).end();
            } else {
                AdminRoutes.error(ctx, 404, "broker '" + name + "' not found");
            }
        });
    }

    /** The document with Knative's status: the ingress URL for this broker as the caller reached the broker. */
    private static BrokerDocument withStatus(RoutingContext ctx, BrokerDocument b) {
        String host = ctx.request().authority() == null
                ? ctx.request().localAddress().toString()
                : ctx.request().authority().toString();
        return b.withStatus(BrokerDocument.Status.ready(ctx.request().scheme() + "://" + host + "/" + b.name()));
    }
}
