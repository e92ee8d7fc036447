package dev.quiver.sources.webhook;

import dev.quiver.api.errors.ErrorBody;
import dev.quiver.api.security.BearerToken;
import io.vertx.core.Handler;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Lets a notification through only with the webhook token in {@code header}: {@code Bearer <token>} (what MinIO's
 * webhook target sends with {@code auth_token}) or, in a header other than {@code Authorization}, the bare token.
 * Else 401 with the shared {@link ErrorBody}, one message for a missing and a wrong token, and nothing published.
 */
final class WebhookAuth implements Handler<RoutingContext> {

    private static final String BODY = Json.encode(
            ErrorBody.of(
                    401,
                    "unauthorized",
                    "the webhooks require the"
                            + " token of quiver.sources.webhook.token (or <data-dir>/webhook-token) as 'Authorization: Bearer <token>'"));

    private final List<String> token;
    private final String header;

    WebhookAuth(String token, String header) {
        this.token = List.of(token);
        this.header = header;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String value = ctx.request().getHeader(header);
        String presented = BearerToken.of(value);
        if (presented == null
                && value != null
                && !header.toLowerCase(Locale.ROOT).equals("authorization")) {
            presented = value.trim();
        }
        if (BearerToken.matchesAny(token, presented)) {
            ctx.next();
            return;
        }
        ctx.response()
                .setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader("Content-Type", "application/json")
                .end(BODY);
    }
}
