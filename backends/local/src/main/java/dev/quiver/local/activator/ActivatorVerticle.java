package dev.quiver.local.activator;

import dev.quiver.local.activator.ActivatorMetrics.Outcome;
import dev.quiver.local.coldstart.ColdStartRecorder;
import dev.quiver.local.config.PlatformSettings.ActivatorSettings;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;

/** One event loop's share of the activator: an HTTP server on the shared port and its own client to instances. */
final class ActivatorVerticle extends AbstractVerticle {
    private final ActivatorSettings settings;
    private final Gates gates;
    private final ActivatorMetrics metrics;
    private final ColdStartRecorder coldStarts;
    private final int port;
    private HttpServer server;
    private ActivatorContext ax;

    ActivatorVerticle(ActivatorSettings settings, Gates gates, ActivatorMetrics metrics,
                      ColdStartRecorder coldStarts, int port) {
        this.settings = settings;
        this.coldStarts = coldStarts;
        this.gates = gates;
        this.metrics = metrics;
        this.port = port;
    }

    @Override
    public void start(Promise<Void> started) {
        var client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2000)
                .setIdleTimeout((int) Math.max(1, settings.timeout().toSeconds())).setTcpNoDelay(true)
                .setMaxInitialLineLength(8192), new PoolOptions().setHttp1MaxSize(1000).setMaxWaitQueueSize(-1));
        ax = new ActivatorContext(client, settings, metrics, coldStarts);
        server = vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(port)
                .setCompressionSupported(false));
        server.requestHandler(this::handle).listen().<Void>mapEmpty().onComplete(started);
    }

    int actualPort() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest req) {
        long arrived = System.nanoTime();
        Route route = Route.of(req.getHeader("host"), req.uri(), settings.domain());
        if (route == null) {
            Answers.error(req.response(), 404, "not_found", "No function named in the request: use /f/{function}/..."
                    + " or Host: {function}." + settings.domain(), -1);
            return;
        }
        FunctionGate gate = gates.get(route.function());
        if (gate == null) {
            metrics.count(route.function(), Outcome.NOT_FOUND);
            Answers.error(req.response(), 404, "not_found", "No function '" + route.function()
                    + "' is deployed.", -1);
            return;
        }
        String length = req.getHeader("content-length");
        if (length != null && length.length() < 12 && Long.parseLong(length) > settings.maxBodySize()) {
            Answers.error(req.response(), 413, "too_large", "The body is larger than "
                    + settings.maxBodySize() + " bytes.", -1);
            return;
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        var ctx = vertx.getOrCreateContext();
        req.body().onSuccess(body -> new ProxyCall(ax, req, body, gate, route.uri(), ctx, deadline, arrived)
                .start())
                .onFailure(e -> Answers.error(req.response(), 400, "bad_request", "Cannot read the body: "
                        + e.getMessage(), -1));
    }
}
