package dev.quiver.runtime.serve;

import dev.quiver.api.direct.DirectListen;
import dev.quiver.api.direct.DirectState;
import dev.quiver.api.direct.ListenerSockets;
import dev.quiver.runtime.lifecycle.InstanceState;
import dev.quiver.runtime.lifecycle.InstanceState.Phase;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * The instance's listener on its function's direct address: one HTTP server per event loop bound with
 * {@code SO_REUSEPORT} (beside the function's other instances, or the activator while it buffers), handing each
 * request to Quarkus's main router, so Funqy and the runtime's admission serve it as on the instance's own port.
 * {@link #close()} stops accepting (the listening socket only): the connections it has keep serving, each answer
 * with {@code Connection: close}, so clients move to another listener; while draining the same holds, and direct
 * requests are served rather than refused. Thread-safe.
 */
public final class DirectListener {
    private static final Logger LOG = Logger.getLogger(DirectListener.class);

    private final Vertx vertx;
    private final InstanceState state;
    private final int eventLoops;
    private final LongAdder served = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private volatile String deployment;
    private volatile boolean listening;
    private volatile String host;
    private volatile int port;

    public DirectListener(Vertx vertx, InstanceState state, int eventLoops) {
        this.vertx = vertx;
        this.state = state;
        this.eventLoops = Math.max(1, eventLoops);
    }

    /** Binds {@code to} (again after a close: the old listener's remaining connections are closed then). */
    public synchronized Future<DirectState> listen(DirectListen to, Handler<HttpServerRequest> router) {
        if (listening && to.host().equals(host) && to.port() == port) {
            return Future.succeededFuture(state());
        }
        Future<Void> previous = deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
        deployment = null;
        servers.clear();
        HttpServerOptions options = new HttpServerOptions()
                .setHost(to.host())
                .setPort(to.port())
                .setReusePort(true)
                // HTTP/1.1 only: a hand-off ends connections with Connection: close, which HTTP/2 (h2c) has not
                .setHttp2ClearTextEnabled(false)
                .setTcpNoDelay(true)
                .setCompressionSupported(false);
        Handler<HttpServerRequest> handler = req -> {
            served.increment();
            router.handle(req);
        };
        return previous.recover(e -> Future.succeededFuture())
                .compose(v -> vertx.deployVerticle(
                        () -> new Listener(options, handler), new DeploymentOptions().setInstances(eventLoops)))
                .map(id -> {
                    synchronized (this) {
                        deployment = id;
                        host = to.host();
                        port = to.port();
                        listening = true;
                    }
                    LOG.infof("Serving the direct address %s:%d (%d event loops)", to.host(), to.port(), eventLoops);
                    return state();
                });
    }

    /**
     * Stops accepting on the direct address; its open connections finish with {@code Connection: close}. Without
     * Vert.x's internals at hand (another Vert.x), the server is closed as a whole (its connections too).
     */
    public synchronized DirectState close() {
        if (!listening) {
            return state();
        }
        listening = false;
        if (servers.isEmpty() || !ListenerSockets.closeListeningSocket(servers.get(0))) {
            LOG.warn("Cannot close only the direct listening socket: closing the direct server with its connections");
            String id = deployment;
            deployment = null;
            vertx.undeploy(id);
        }
        LOG.infof("Stopped accepting on the direct address %s:%d (%d connection(s) open)", host, port, open.get());
        return state();
    }

    public DirectState state() {
        return new DirectState(listening, host, port, served.sum(), open.get());
    }

    /** Whether the request came in on the direct address (its connection's local port). */
    public boolean arrivedDirect(HttpServerRequest request) {
        int p = port;
        return p > 0 && request.localAddress() != null && request.localAddress().port() == p;
    }

    /** A direct request that should end its connection: the listener is closed or the instance drains. */
    public boolean endsConnection(HttpServerRequest request) {
        return (!listening || state.phase() == Phase.DRAINING) && arrivedDirect(request);
    }

    private final class Listener extends AbstractVerticle {
        private final HttpServerOptions options;
        private final Handler<HttpServerRequest> handler;

        Listener(HttpServerOptions options, Handler<HttpServerRequest> handler) {
            this.options = options;
            this.handler = handler;
        }

        @Override
        public void start(Promise<Void> started) {
            HttpServer server = vertx.createHttpServer(options);
            server.connectionHandler(c -> {
                open.incrementAndGet();
                c.closeHandler(v -> open.decrementAndGet());
            });
            server.requestHandler(handler)
                    .listen()
                    .onSuccess(servers::add)
                    .<Void>mapEmpty()
                    .onComplete(started);
        }
    }
}
