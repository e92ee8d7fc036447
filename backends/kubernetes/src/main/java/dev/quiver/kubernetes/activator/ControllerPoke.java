package dev.quiver.kubernetes.activator;

import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Poker;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import org.jboss.logging.Logger;

/**
 * The Kubernetes {@link Poker}: {@code POST <controller-url>/quiver/poke/{namespace}/{function}}, "a request is
 * waiting, decide now". Asynchronous; failures are logged, not thrown (the activator pokes again every poke interval
 * while requests wait).
 */
public final class ControllerPoke implements Poker {
    private static final Logger LOG = Logger.getLogger(ControllerPoke.class);
    private final HttpClient client;
    private final URI controller;

    public ControllerPoke(HttpClient client, URI controller) {
        this.client = client;
        this.controller = controller;
    }

    @Override
    public void poke(FunctionRef function) {
        send(function.namespace(), function.name());
    }

    /** The controller's status code (202 taken, 404 unknown function). */
    Future<Integer> send(String namespace, String function) {
        boolean tls = "https".equals(controller.getScheme());
        int port = controller.getPort() > 0 ? controller.getPort() : tls ? 443 : 80;
        String base =
                controller.getRawPath() == null ? "" : controller.getRawPath().replaceAll("/+$", "");
        RequestOptions o = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(controller.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(base + "/quiver/poke/" + namespace + "/" + function)
                .setTimeout(5_000);
        return client.request(o)
                .compose(r -> r.send())
                .compose(r -> r.body().map(b -> status(r)))
                .onFailure(e -> LOG.warnf("Poke of %s/%s at %s failed: %s", namespace, function, controller, e));
    }

    private static int status(HttpClientResponse r) {
        if (r.statusCode() != 202) {
            LOG.warnf("Controller answered %d to a poke", r.statusCode());
        }
        return r.statusCode();
    }
}
