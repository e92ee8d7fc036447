package dev.quiver.runtime.serve;

import dev.quiver.api.direct.DirectContract;
import dev.quiver.api.direct.DirectListen;
import dev.quiver.api.direct.DirectState;
import dev.quiver.api.security.BearerToken;
import dev.quiver.runtime.lifecycle.InstanceState;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The direct address's routes on the instance's own port ({@link DirectContract}): listen, close and state, each
 * refused with 401 without the bearer token the platform gave at launch ({@code QUIVER_DIRECT_TOKEN}, i.e.
 * {@code quiver.direct.token}); without a token the routes answer 404 and the instance never binds a direct address.
 * Also marks every answer on a direct connection that must end ({@link DirectListener#endsConnection}) with
 * {@code Connection: close} and closes the connection once the answer is written.
 */
@Singleton
@RegisterForReflection(targets = {DirectState.class, DirectListen.class})
public class DirectRoutes {
    private static final Logger LOG = Logger.getLogger(DirectRoutes.class);

    @Produces
    @Singleton
    DirectListener listener(Vertx vertx, InstanceState state, Config config) {
        int loops = config.getOptionalValue("quarkus.http.io-threads", Integer.class)
                .orElse(2 * Runtime.getRuntime().availableProcessors());
        return new DirectListener(vertx, state, loops);
    }

    void install(@Observes Router router, DirectListener direct, Vertx vertx, DirectConfig config) {
        Optional<String> token = config.token().map(String::strip).filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            return;
        }
        if (!vertx.isNativeTransportEnabled()) {
            LOG.warnf(
                    "A direct-address token is set but Vert.x runs without its native transport (set %s=true):"
                            + " binding the direct address with SO_REUSEPORT will fail",
                    DirectContract.ENV_NATIVE_TRANSPORT);
        }
        List<String> accepted = List.of(token.get());
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (direct.endsConnection(ctx.request())) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                ctx.addEndHandler(v -> ctx.response().close());
            }
            ctx.next();
        });
        router.get(DirectContract.STATE_PATH).order(Integer.MIN_VALUE).handler(ctx -> {
            if (authorized(ctx, accepted)) {
                json(ctx, 200, direct.state());
            }
        });
        router.post(DirectContract.CLOSE_PATH).order(Integer.MIN_VALUE).handler(ctx -> {
            if (authorized(ctx, accepted)) {
                json(ctx, 200, direct.close());
            }
        });
        router.post(DirectContract.LISTEN_PATH).order(Integer.MIN_VALUE).handler(ctx -> {
            if (!authorized(ctx, accepted)) {
                return;
            }
            DirectListen to;
            try {
                to = new DirectListen(
                        ctx.request().getParam("host"),
                        Integer.parseInt(ctx.request().getParam("port", "")));
            } catch (RuntimeException e) {
                error(ctx, 400, "expected ?host=<address>&port=<port>: " + message(e));
                return;
            }
            direct.listen(to, router::handle)
                    .onSuccess(s -> json(ctx, 200, s))
                    .onFailure(e -> error(ctx, 409, "cannot bind " + to.host() + ":" + to.port() + ": " + message(e)));
        });
    }

    private static boolean authorized(RoutingContext ctx, List<String> accepted) {
        if (BearerToken.accepts(accepted, ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            return true;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        error(ctx, 401, "the direct-address routes need the platform's bearer token");
        return false;
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(JsonObject.mapFrom(body).encode());
    }

    private static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("error", message).getMap());
    }

    private static String message(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
