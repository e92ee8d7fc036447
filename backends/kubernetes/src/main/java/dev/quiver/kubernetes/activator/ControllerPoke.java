package dev.quiver.kubernetes.activator;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import org.jboss.logging.Logger;

/** {@code POST <controller-url>/quiver/poke/{namespace}/{function}}: "a request is waiting, decide now". */
final class ControllerPoke {
    private static final Logger LOG = Logger.getLogger(ControllerPoke.class);
    private final HttpClient client;
    private final URI controller;

    ControllerPoke(HttpClient client, URI controller) {
        this.client = client;
        this.controller = controller;
    }

    /** The controller's status code (202 taken, 404 unknown function); failures are logged, not thrown. */
    Future<Integer> poke(String namespace, String function) {
        boolean tls = "https".equals(controller.getScheme());
        int port = controller.getPort() > 0 ? controller.getPort() : tls ? 443 : 80;
        String base = controller.getRawPath() == null ? "" : controller.getRawPath().replaceAll("/+$", "");
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost(controller.getHost()).setPort(port)
                .setSsl(tls).setURI(base + "/quiver/poke/" + namespace + "/" + function).setTimeout(5_000);
        return client.request(o).compose(r -> r.send()).compose(r -> r.body().map(b -> status(r)))
                .onFailure(e -> LOG.warnf("Poke of %s/%s at %s failed: %s", namespace, function, controller, e));
    }

    private static int status(HttpClientResponse r) {
        if (r.statusCode() != 202) {
            LOG.warnf("Controller answered %d to a poke", r.statusCode());
        }
        return r.statusCode();
    }
}
