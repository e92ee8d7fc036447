package dev.quiver.sources.webhook;

import dev.quiver.sources.mapping.CosEventMapper;
import dev.quiver.sources.mapping.InvalidNotificationException;
import dev.quiver.sources.mapping.S3EventMapper;
import dev.quiver.sources.publish.Publisher;
import dev.quiver.sources.security.SourcesSecurity;
import io.cloudevents.CloudEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/**
 * Bucket notification receivers: {@code POST /webhooks/s3} (S3 / MinIO event JSON) and {@code POST /webhooks/cos}
 * (Tencent COS trigger events), each behind the webhook token ({@link WebhookAuth}: 401, nothing read or
 * published, without it). A notification is mapped whole before anything is published: 202 with the event ids
 * when every record became an event and each is durable (taken by the broker or fsynced to the outbox, see
 * {@link Publisher}), 400 with the reason and no event otherwise, 503 (nothing published) when the outbox is full,
 * 500 when the outbox cannot be written (the sender retries). Publishing blocks, so it runs on a worker thread.
 */
@Singleton
public class WebhookRoutes {

    static final long MAX_BODY = 1024 * 1024;

    /** Maps a notification body to events. */
    interface Mapping {
        List<CloudEvent> map(byte[] body) throws InvalidNotificationException;
    }

    void install(@Observes Router router, Publisher publisher, SourcesSecurity security) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);
        String token = security.webhook().token();
        // the token is checked on a route of its own, before the body is read (Vert.x wants body handlers first)
        router.post("/webhooks/s3").handler(new WebhookAuth(token, "Authorization"));
        router.post("/webhooks/cos").handler(new WebhookAuth(token, security.cosHeader()));
        router.post("/webhooks/s3")
                .handler(body)
                .blockingHandler(ctx -> receive(ctx, S3EventMapper::map, publisher), false);
        router.post("/webhooks/cos")
                .handler(body)
                .blockingHandler(ctx -> receive(ctx, CosEventMapper::map, publisher), false);
    }

    static void receive(RoutingContext ctx, Mapping mapping, Publisher publisher) {
        List<CloudEvent> events;
        try {
            byte[] bytes = ctx.body().buffer() == null
                    ? new byte[0]
                    : ctx.body().buffer().getBytes();
            events = mapping.map(bytes);
        } catch (InvalidNotificationException e) {
            answer(
                    ctx,
                    400,
                    new JsonObject().put("status", 400).put("error", "invalid notification: " + e.getMessage()));
            return;
        }
        JsonArray ids = new JsonArray();
        if (publisher.full()) {
            answer(
                    ctx,
                    503,
                    new JsonObject()
                            .put("status", 503)
                            .put("error", "the outbox is full (events wait for the broker), retry later")
                            .put("accepted", ids));
            return;
        }
        for (CloudEvent event : events) {
            try {
                publisher.publish(event);
            } catch (IOException e) {
                answer(
                        ctx,
                        500,
                        new JsonObject()
                                .put("status", 500)
                                .put("error", "events could not be made durable: " + e.getMessage())
                                .put("accepted", ids));
                return;
            }
            ids.add(event.getId());
        }
        answer(ctx, 202, new JsonObject().put("status", 202).put("accepted", ids));
    }

    private static void answer(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.encode());
    }
}
