package dev.quiver.broker.security;

import dev.quiver.api.errors.ErrorBody;
import dev.quiver.api.security.BearerToken;
import io.vertx.core.Handler;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Lets a request through only with {@code Authorization: Bearer <one of the tokens>}; else 401 with the shared
 * {@link ErrorBody} and {@code WWW-Authenticate: Bearer}. The message is the same for a missing and a wrong token.
 */
public final class BearerAuth implements Handler<RoutingContext> {

    private final List<String> tokens;
    private final String body;

    /** @param what what the token protects and which setting holds it, for the 401 message */
    public BearerAuth(List<String> tokens, String what) {
        this.tokens = List.copyOf(tokens);
        this.body = Json.encode(ErrorBody.of(
                401, "unauthorized", what + " requires the header 'Authorization: Bearer <token>' with a valid token"));
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (BearerToken.accepts(tokens, ctx.request().getHeader("Authorization"))) {
            ctx.next();
            return;
        }
        ctx.response()
                .setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader("Content-Type", "application/json")
                .end(body);
    }
}
