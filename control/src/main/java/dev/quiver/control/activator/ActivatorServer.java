package dev.quiver.control.activator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activator's HTTP server: one verticle per event loop ({@code servers} of them, sharing the port), each with
 * its own HTTP client to instances and an {@link ActivatorHandler}; the first one also pokes again every poke
 * interval for functions whose requests still wait at zero. {@link #preconnect} opens a kept-alive connection from
 * each event loop's client to an instance that is not in traffic yet (a warm-pool instance), so the request that
 * promotes it does not pay the connect nor the instance's first accept.
 */
public final class ActivatorServer {
    private static final Logger LOG = LoggerFactory.getLogger(ActivatorServer.class);
    /** How long an unused connection to an instance stays in a client's pool (a warm-pool instance may wait long). */
    static final int KEEP_ALIVE_SECONDS = 3600;
    /** What a pre-connect asks an instance: its readiness, cheap and outside its traffic statistics. */
    static final String PRECONNECT_PATH = "/q/health/ready";

    private final Vertx vertx;
    private final List<String> deployments;
    private final List<Verticle> verticles;
    private final int port;

    private ActivatorServer(Vertx vertx, List<String> deployments, List<Verticle> verticles, int port) {
        this.vertx = vertx;
        this.deployments = deployments;
        this.verticles = verticles;
        this.port = port;
    }

    /** Starts listening on {@code host:port} (0 = any free port) with {@code servers} event loops (at least 1). */
    public static Future<ActivatorServer> start(Vertx vertx, Activator activator, String host, int port, int servers) {
        // one deployment of several instances: Vert.x shares the listening socket (a random port 0 included)
        LOG.info("Activator transport: {}", transport(vertx));
        AtomicInteger actual = new AtomicInteger();
        AtomicBoolean first = new AtomicBoolean(true);
        List<Verticle> verticles = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(
                        () -> {
                            Verticle v = new Verticle(activator, host, port, first.getAndSet(false), actual);
                            verticles.add(v);
                            return v;
                        },
                        new DeploymentOptions().setInstances(Math.max(1, servers)))
                .map(id -> new ActivatorServer(vertx, List.of(id), List.copyOf(verticles), actual.get()));
    }

    /**
     * Opens (or keeps) one connection from each event loop's client to {@code host:port}: a {@code GET}
     * {@value #PRECONNECT_PATH} whose connection stays in the client's pool (kept alive {@value #KEEP_ALIVE_SECONDS}
     * s) for the first request that is forwarded there. For an instance the backend holds out of traffic (the warm
     * pool); nothing is counted or balanced.
     *
     * @return the number of event loops whose request was answered (any status)
     */
    public Future<Integer> preconnect(String host, int port) {
        List<Future<Boolean>> opened = new ArrayList<>();
        for (Verticle v : verticles) {
            opened.add(v.preconnect(host, port));
        }
        return Future.join(opened).transform(ar -> {
            int n = 0;
            for (Future<Boolean> f : opened) {
                if (f.succeeded() && f.result()) {
                    n++;
                }
            }
            return Future.succeededFuture(n);
        });
    }

    /**
     * The transport the activator's sockets use: Linux's native epoll when the Vert.x it runs on was made with
     * {@code preferNativeTransport} and the native library loaded (fewer copies and system calls per proxied
     * request), else the JDK's NIO, with why.
     */
    public static String transport(Vertx vertx) {
        if (vertx.isNativeTransportEnabled()) {
            return "native (epoll)";
        }
        Throwable why = vertx.unavailableNativeTransportCause();
        return "JDK NIO" + (why == null ? " (native transport not preferred)" : " (native unavailable: " + why + ")");
    }

    /**
     * The activator's HTTP client to instances (kept-alive connections, no wait-queue limit), for each of its own
     * servers and for another server of the activator on the same Vert.x (a function's direct address,
     * {@code activator.serve}); call it on the event loop that will use it.
     */
    public static HttpClient instanceClient(Vertx vertx) {
        return vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
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
        private HttpClient client;

        Verticle(Activator activator, String host, int port, boolean pokes, AtomicInteger actual) {
            this.activator = activator;
            this.host = host;
            this.port = port;
            this.pokes = pokes;
            this.actual = actual;
        }

        @Override
        public void start(Promise<Void> started) {
            client = instanceClient(vertx);
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

        /** On this verticle's event loop: one request to the instance, its connection left in the pool. */
        Future<Boolean> preconnect(String host, int port) {
            Promise<Boolean> done = Promise.promise();
            context.runOnContext(v -> client.request(HttpMethod.GET, port, host, PRECONNECT_PATH)
                    .compose(req -> req.send().compose(resp -> resp.body()))
                    .onComplete(ar -> done.complete(ar.succeeded())));
            return done.future();
        }
    }
}
