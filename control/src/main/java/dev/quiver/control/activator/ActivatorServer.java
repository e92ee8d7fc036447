package dev.quiver.control.activator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The activator's HTTP server: one verticle per event loop ({@code servers} of them, sharing the port), each with
 * its own HTTP client to instances and an {@link ActivatorHandler}; the first one also pokes again every poke
 * interval for functions whose requests still wait at zero.
 */
public final class ActivatorServer {
    private final Vertx vertx;
    private final List<String> deployments;
    private final int port;

    private ActivatorServer(Vertx vertx, List<String> deployments, int port) {
        this.vertx = vertx;
        this.deployments = deployments;
        this.port = port;
    }

    /** Starts listening on {@code host:port} (0 = any free port) with {@code servers} event loops (at least 1). */
    public static Future<ActivatorServer> start(Vertx vertx, Activator activator, String host, int port, int servers) {
        // one deployment of several instances: Vert.x shares the listening socket (a random port 0 included)
        AtomicInteger actual = new AtomicInteger();
        AtomicBoolean first = new AtomicBoolean(true);
        return vertx.deployVerticle(
                        () -> new Verticle(activator, host, port, first.getAndSet(false), actual),
                        new DeploymentOptions().setInstances(Math.max(1, servers)))
                .map(id -> new ActivatorServer(vertx, List.of(id), actual.get()));
    }

    /**
     * An HTTP client to instances with the options of the activator's own servers, for another server of the
     * activator on the same Vert.x (a function's direct address, {@code activator.serve}); call it on the event loop
     * that will use it.
     */
    public static HttpClient instanceClient(Vertx vertx) {
        return vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout(2000)
                        .setTcpNoDelay(true)
                        .setMaxInitialLineLength(8192),
                new PoolOptions().setHttp1MaxSize(1000).setMaxWaitQueueSize(-1));
    }

    /** The port listened on. */
    public int port() {
        return port;
    }

    public Future<Void> close() {
        List<Future<Void>> undeploys = new ArrayList<>();
        deployments.forEach(id -> undeploys.add(vertx.undeploy(id)));
        return Future.join(undeploys).<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }

    private static final class Verticle extends AbstractVerticle {
        private final Activator activator;
        private final String host;
        private final int port;
        private final boolean pokes;
        private final AtomicInteger actual;

        Verticle(Activator activator, String host, int port, boolean pokes, AtomicInteger actual) {
            this.activator = activator;
            this.host = host;
            this.port = port;
            this.pokes = pokes;
            this.actual = actual;
        }

        @Override
        public void start(Promise<Void> started) {
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setKeepAlive(true)
                            .setConnectTimeout(2000)
                            .setTcpNoDelay(true)
                            .setMaxInitialLineLength(8192),
                    new PoolOptions().setHttp1MaxSize(1000).setMaxWaitQueueSize(-1));
            HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                    .setHost(host)
                    .setPort(port)
                    .setCompressionSupported(false)
                    .setHandle100ContinueAutomatically(true)
                    .setTcpNoDelay(true));
            if (pokes) {
                vertx.setPeriodic(
                        activator.settings().pokeInterval().toMillis(), id -> activator.repoke(System.nanoTime()));
            }
            server.requestHandler(new ActivatorHandler(activator, client))
                    .listen()
                    .onSuccess(s -> actual.set(s.actualPort()))
                    .<Void>mapEmpty()
                    .onComplete(started);
        }
    }
}
