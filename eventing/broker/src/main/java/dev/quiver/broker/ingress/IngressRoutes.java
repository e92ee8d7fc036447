package dev.quiver.broker.ingress;

import dev.quiver.api.errors.ErrorBody;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.delivery.Hops;
import dev.quiver.broker.kafka.EventPublisher;
import dev.quiver.broker.security.BearerAuth;
import dev.quiver.broker.security.BrokerSecurity;
import dev.quiver.broker.trigger.LiveBrokers;
import io.cloudevents.CloudEvent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code POST /{broker}}: validates the events and answers 202 only after Kafka acknowledged every one of them
 * (acks=all); 400 invalid, 405 another method than POST on a broker's address, 415 a structured event in an
 * event format other than JSON ({@code application/cloudevents+xml}...), 401 no valid token (only when {@code quiver.broker.ingress.tokens} is set), 404 unknown
 * broker, 413 too large, 503 Kafka did not store the event. A client's {@code quiverhops} is clamped (see
 * {@link Hops#atIngress}).
 */
@ApplicationScoped
public class IngressRoutes {

    private static final Logger LOG = Logger.getLogger(IngressRoutes.class);

    private final BrokerSettings settings;
    private final EventPublisher publisher;
    private final IngressMetrics metrics;
    private final BrokerSecurity security;
    private final LiveBrokers brokers;

    public IngressRoutes(
            BrokerSettings settings,
            BrokerSecurity security,
            EventPublisher publisher,
            IngressMetrics metrics,
            LiveBrokers brokers) {
        this.settings = settings;
        this.brokers = brokers;
        this.security = security;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        // two routes for a POST (Vert.x runs a body handler before a route's other handlers, and the token and the
        // broker are checked before a body is read); each route's handlers follow each other without matching the
        // path again. Other methods on a broker's address fall through to the 405 route below.
        Route checks = router.post("/:broker");
        if (!security.ingressTokens().isEmpty()) {
            checks.handler(
                    new BearerAuth(security.ingressTokens(), "event ingress (" + BrokerSecurity.INGRESS_TOKENS + ")"));
        }
        checks.handler(this::knownBroker);
        router.post("/:broker")
                .handler(BodyHandler.create(false).setBodyLimit(settings.maxEventSize()))
                .handler(this::ingest);
        // Knative's data-plane contract: a broker's address takes POST only
        router.route("/:broker").handler(ctx -> {
            if (ctx.request().method() != HttpMethod.POST && brokers.exists(ctx.pathParam("broker"))) {
                ctx.response().putHeader("Allow", "POST");
                reply(ctx, 405, "method " + ctx.request().method() + " not allowed: events are POSTed to a broker");
            } else {
                ctx.next();
            }
        });
    }

    private void knownBroker(RoutingContext ctx) {
        String broker = ctx.pathParam("broker");
        if (!brokers.exists(broker)) {
            reply(ctx, 404, "unknown broker '" + broker + "'");
            return;
        }
        ctx.next();
    }

    private void ingest(RoutingContext ctx) {
        String broker = ctx.pathParam("broker");
        String type = ctx.request().getHeader("content-type");
        if (HttpEventParser.unsupportedFormat(type)) {
            metrics.rejected(broker);
            reply(
                    ctx,
                    415,
                    "unsupported event format '" + type + "': send application/cloudevents+json, "
                            + HttpEventParser.BATCH_CONTENT_TYPE + " or binary mode");
            return;
        }
        List<CloudEvent> events;
        try {
            List<CloudEvent> parsed =
                    HttpEventParser.parse(ctx.request().headers(), ctx.body().buffer());
            events = new ArrayList<>(parsed.size());
            for (CloudEvent p : parsed) {
                CloudEvent e = Hops.atIngress(p, settings.maxHops());
                Optional<String> violation = EventValidator.violation(e);
                if (violation.isPresent()) {
                    throw new InvalidEventException(violation.get());
                }
                events.add(e);
            }
        } catch (InvalidEventException e) {
            metrics.rejected(broker);
            reply(ctx, 400, "invalid event: " + e.getMessage());
            return;
        }
        publisher.publishAll(settings.topic(broker), events).whenComplete((ok, error) -> {
            if (error == null) {
                metrics.accepted(broker, events.size());
                ctx.response().setStatusCode(202).end();
            } else {
                metrics.unavailable(broker);
                LOG.warnf("Kafka did not store events for broker %s: %s", broker, error.toString());
                unavailable(ctx, IngressUnavailable.of(error));
            }
        });
    }

    private static void unavailable(RoutingContext ctx, ErrorBody body) {
        ctx.response()
                .setStatusCode(body.status())
                .putHeader("content-type", "application/json")
                .putHeader("Retry-After", String.valueOf(IngressUnavailable.RETRY_AFTER_SECONDS))
                .end(JsonObject.mapFrom(body).encode());
    }

    private static void reply(RoutingContext ctx, int status, String error) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("status", status).put("error", error).encode());
    }
}
