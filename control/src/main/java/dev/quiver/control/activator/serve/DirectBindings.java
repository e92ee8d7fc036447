package dev.quiver.control.activator.serve;

import dev.quiver.api.direct.ListenerSockets;
import dev.quiver.control.activator.Activator;
import dev.quiver.control.activator.ActivatorHandler;
import dev.quiver.control.activator.ActivatorServer;
import dev.quiver.control.activator.routing.FixedRouter;
import dev.quiver.control.route.FunctionRef;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The activator's listeners on functions' direct addresses: bound with {@code SO_REUSEPORT} while a function has no
 * instance listening there (at zero, or with a traffic split), each request handled as on the activator's own port
 * with the function fixed ({@link FixedRouter}). {@link #release} stops accepting (the listening socket only): the
 * requests the activator holds on its connections still get their answers, each with {@code Connection: close}, so
 * the clients reconnect to the instances. Thread-safe.
 */
public final class DirectBindings {
    private final Vertx vertx;
    private final Activator activator;
    private final int eventLoops;
    private final Map<FunctionRef, Binding> bindings = new ConcurrentHashMap<>();

    public DirectBindings(Vertx vertx, Activator activator, int eventLoops) {
        this.vertx = vertx;
        this.activator = activator;
        this.eventLoops = Math.max(1, eventLoops);
    }

    /** Whether the activator accepts connections on the function's direct address. */
    public boolean bound(FunctionRef function) {
        Binding b = bindings.get(function);
        return b != null && b.accepting;
    }

    /** Requests the activator received on the function's direct address. */
    public long served(FunctionRef function) {
        Binding b = bindings.get(function);
        return b == null ? 0 : b.served.sum();
    }

    /** Binds {@code host:port} for the function (a binding it let go of is closed first, its connections too). */
    public synchronized Future<Void> bind(FunctionRef function, String host, int port) {
        Binding old = bindings.get(function);
        if (old != null && old.accepting && old.port == port) {
            return Future.succeededFuture();
        }
        Future<Void> previous = old == null ? Future.succeededFuture() : old.close(vertx);
        Binding b = new Binding(port, old == null ? new LongAdder() : old.served);
        b.accepting = true; // answers from the first connection on keep their connection open
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setReusePort(true)
                // HTTP/1.1 only: a hand-off ends connections with Connection: close, which HTTP/2 (h2c) has not
                .setHttp2ClearTextEnabled(false)
                .setTcpNoDelay(true)
                .setCompressionSupported(false)
                .setHandle100ContinueAutomatically(true);
        return previous.compose(v -> vertx.deployVerticle(
                        () -> new Listener(function, options, b), new DeploymentOptions().setInstances(eventLoops)))
                .map(id -> {
                    b.deployment = id;
                    bindings.put(function, b);
                    return (Void) null;
                })
                .onFailure(e -> b.accepting = false);
    }

    /** Stops accepting on the function's direct address; what it holds there is still answered. */
    public synchronized void release(FunctionRef function) {
        Binding b = bindings.get(function);
        if (b == null || !b.accepting) {
            return;
        }
        b.accepting = false;
        if (b.servers.isEmpty() || !ListenerSockets.closeListeningSocket(b.servers.get(0))) {
            bindings.remove(function);
            b.close(vertx);
        }
    }

    /** Closes the function's binding for good (the function was deleted), its connections too. */
    public synchronized Future<Void> remove(FunctionRef function) {
        Binding b = bindings.remove(function);
        return b == null ? Future.succeededFuture() : b.close(vertx);
    }

    private static final class Binding {
        final int port;
        final LongAdder served;
        final List<HttpServer> servers = new CopyOnWriteArrayList<>();
        volatile String deployment;
        volatile boolean accepting;

        Binding(int port, LongAdder served) {
            this.port = port;
            this.served = served;
        }

        Future<Void> close(Vertx vertx) {
            accepting = false;
            String id = deployment;
            deployment = null;
            return id == null ? Future.succeededFuture() : vertx.undeploy(id).recover(e -> Future.succeededFuture());
        }
    }

    private final class Listener extends AbstractVerticle {
        private final FunctionRef function;
        private final HttpServerOptions options;
        private final Binding binding;

        Listener(FunctionRef function, HttpServerOptions options, Binding binding) {
            this.function = function;
            this.options = options;
            this.binding = binding;
        }

        @Override
        public void start(Promise<Void> started) {
            ActivatorHandler handler =
                    new ActivatorHandler(activator, ActivatorServer.instanceClient(vertx), new FixedRouter(function));
            HttpServer server = vertx.createHttpServer(options);
            server.requestHandler(req -> {
                        binding.served.increment();
                        if (!binding.accepting) {
                            req.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                            req.response().endHandler(v -> req.response().close());
                        }
                        handler.handle(req);
                    })
                    .listen()
                    .onSuccess(binding.servers::add)
                    .<Void>mapEmpty()
                    .onComplete(started);
        }
    }
}
