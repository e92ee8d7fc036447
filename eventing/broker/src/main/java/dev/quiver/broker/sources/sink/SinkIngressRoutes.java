package dev.quiver.broker.sources.sink;

import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.ingress.EventValidator;
import dev.quiver.broker.ingress.HttpEventParser;
import dev.quiver.broker.ingress.InvalidEventException;
import dev.quiver.broker.security.BearerAuth;
import dev.quiver.broker.security.BrokerSecurity;
import io.cloudevents.CloudEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * A KafkaSink's HTTP ingress, {@code POST /sinks/{name}} on the broker's port (binary, structured or batched
 * CloudEvents): 202 only after Kafka acknowledged every record (acks=all), 400 malformed event, 404 unknown sink,
 * 413 too large, 503 Kafka did not store it. Behind the ingress tokens when those are set, like broker ingress.
 */
@ApplicationScoped
public class SinkIngressRoutes {

    public static final String PATH = "/sinks/";
    private static final Logger LOG = Logger.getLogger(SinkIngressRoutes.class);

    private final KafkaSinks sinks;
    private final BrokerSettings settings;
    private final BrokerSecurity security;

    public SinkIngressRoutes(KafkaSinks sinks, BrokerSettings settings, BrokerSecurity security) {
        this.sinks = sinks;
        this.settings = settings;
        this.security = security;
    }

    void register(@Observes Router router) {
        String path = PATH + ":name";
        if (!security.ingressTokens().isEmpty()) {
            router.post(path)
                    .handler(new BearerAuth(
                            security.ingressTokens(), "KafkaSink ingress (" + BrokerSecurity.INGRESS_TOKENS + ")"));
        }
        router.post(path).handler(ctx -> {
            String name = ctx.pathParam("name");
            if (sinks.get(name).isEmpty()) {
                reply(ctx, 404, "unknown KafkaSink '" + name + "'");
            } else {
                ctx.next();
            }
        });
        router.post(path)
                .handler(BodyHandler.create(false).setBodyLimit(settings.maxEventSize()))
                .handler(this::ingest);
    }

    private void ingest(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        List<CloudEvent> events;
        try {
            events = HttpEventParser.parse(ctx.request().headers(), ctx.body().buffer());
            for (CloudEvent e : events) {
                Optional<String> violation = EventValidator.violation(e);
                if (violation.isPresent()) {
                    throw new InvalidEventException(violation.get());
                }
            }
        } catch (InvalidEventException e) {
            reply(ctx, 400, "invalid event: " + e.getMessage());
            return;
        }
        // send() may wait for the topic's metadata: not on the event loop
        ctx.vertx()
                .executeBlocking(
                        () -> CompletableFuture.allOf(
                                events.stream().map(e -> sinks.write(name, e)).toArray(CompletableFuture[]::new)),
                        false)
                .onFailure(error -> unavailable(ctx, name, error))
                .onSuccess(acks -> acks.whenComplete((ok, error) -> {
                    if (error == null) {
                        ctx.response().setStatusCode(202).end();
                    } else {
                        unavailable(ctx, name, error);
                    }
                }));
    }

    private static void unavailable(RoutingContext ctx, String name, Throwable error) {
        LOG.warnf("Kafka did not store events for KafkaSink %s: %s", name, error.toString());
        ctx.response().putHeader("Retry-After", "1");
        reply(ctx, 503, "Kafka did not store the event: " + error);
    }

    private static void reply(RoutingContext ctx, int status, String error) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("status", status).put("error", error).encode());
    }
}
