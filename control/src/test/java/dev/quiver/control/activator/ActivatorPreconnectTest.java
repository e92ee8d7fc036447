package dev.quiver.control.activator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.control.activator.coldstart.ColdStartMeters;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.routing.LocalRouter;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.Routing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A warm-pool instance gets a kept-alive connection from every event loop of the activator before it is in traffic,
 * and the request that promotes it travels on one of those: the instance accepts no new connection for it.
 */
class ActivatorPreconnectTest {
    private static final int EVENT_LOOPS = 2;

    private Vertx vertx;
    private HttpServer instance;
    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    private final List<HttpConnection> accepted = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final PublishedEndpoints endpoints = new PublishedEndpoints();
    private ActivatorServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        instance = vertx.createHttpServer()
                .connectionHandler(c -> {
                    accepted.add(c);
                    open.add(c);
                    c.closeHandler(v -> open.remove(c));
                })
                .requestHandler(req -> {
                    paths.add(req.path());
                    req.response().end("ok");
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        var meters = new SimpleMeterRegistry();
        Activator activator = new Activator(
                ActivatorSettings.DEFAULTS,
                new LocalRouter("localhost"),
                endpoints,
                f -> {},
                meters,
                new ColdStartRecorder(new ColdStartMeters(meters)));
        endpoints.publish(FunctionRef.local("fn"), Routing.none(0));
        server = ActivatorServer.start(vertx, activator, "127.0.0.1", 0, EVENT_LOOPS)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void preconnectLeavesOneOpenConnectionPerEventLoopOnAnInstanceOutOfTraffic() throws Exception {
        int answered = server.preconnect("127.0.0.1", instance.actualPort())
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(answered).isEqualTo(EVENT_LOOPS);
        assertThat(paths).containsOnly(ActivatorServer.PRECONNECT_PATH).hasSize(EVENT_LOOPS);
        assertThat(accepted).hasSize(EVENT_LOOPS);
        assertThat(open).as("the connections stay open once answered").hasSize(EVENT_LOOPS);
    }

    @Test
    void theRequestThatPromotesAPreconnectedInstanceOpensNoNewConnection() throws Exception {
        server.preconnect("127.0.0.1", instance.actualPort())
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        // promoted: the instance enters the function's ready set
        endpoints.publish(
                FunctionRef.local("fn"),
                new Routing(List.of(new Endpoint("fn-1", "127.0.0.1", instance.actualPort())), 0));

        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/f/fn/work"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }

        assertThat(paths).filteredOn("/work"::equals).hasSize(4);
        assertThat(accepted)
                .as("every forwarded request reused a pre-opened connection")
                .hasSize(EVENT_LOOPS);
    }

    @Test
    void preconnectToAnInstanceThatIsNotListeningAnswersZero() throws Exception {
        int port = instance.actualPort();
        instance.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        int answered = server.preconnect("127.0.0.1", port)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(answered).isZero();
    }
}
