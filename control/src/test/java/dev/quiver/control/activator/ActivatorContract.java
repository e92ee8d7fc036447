package dev.quiver.control.activator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.activator.ActivatorLoad;
import dev.quiver.api.errors.ErrorBody;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.QueuedRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The activator's contract, the same on both backends: each backend's subclass wires the activator as its
 * production code does (the local platform's {@code PublishedEndpoints} and loop pokes; Kubernetes' informers over
 * Functions and EndpointSlices and the controller poke) and says how a function is declared and made ready. Real
 * HTTP throughout: instances are {@link FakeInstance}s on free ports.
 */
public abstract class ActivatorContract {
    protected static final Duration LONG = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The activator under test and the backend around it. */
    protected interface Backend extends AutoCloseable {
        /** The port the activator listens on. */
        int port();

        /** How the backend names the function (its namespace, if any). */
        FunctionRef ref(String function);

        /** The function exists and has no ready endpoint. */
        void declare(String function, int containerConcurrency) throws Exception;

        /** The function's ready endpoints are these now; returns once the activator can see them. */
        void ready(String function, int containerConcurrency, List<Endpoint> endpoints) throws Exception;

        /** The function is deleted. */
        void remove(String function) throws Exception;

        /** Functions poked, in order (one entry per poke). */
        List<String> pokes();

        /** The activator's report of held requests, as the backend's loop reads it. */
        QueuedRequests queued();

        MeterRegistry meters();
    }

    /** Starts the backend's activator with these settings. */
    protected abstract Backend start(ActivatorSettings settings) throws Exception;

    protected Vertx vertx;
    protected HttpClient http;
    /** The test's requests run on one Vert.x context: callbacks of a client used from a plain thread can miss data. */
    private io.vertx.core.Context client;

    protected Backend backend;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    protected record Reply(int status, MultiMap headers, String body) {
        ErrorBody error() throws Exception {
            return JSON.readValue(body, ErrorBody.class);
        }
    }

    @BeforeEach
    void createVertx() {
        vertx = Vertx.vertx();
        http = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(100));
        client = vertx.getOrCreateContext();
    }

    @AfterEach
    void closeAll() throws Exception {
        if (backend != null) {
            backend.close();
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static ActivatorSettings settings() {
        return ActivatorSettings.DEFAULTS.withTimeout(LONG).withQueueSize(50).withPokeInterval(Duration.ofMinutes(5));
    }

    @Test
    void anUnknownFunctionIsAnswered404WithAnErrorBody() throws Exception {
        backend = start(settings());

        Reply r = get("/f/nosuch/hi");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        ErrorBody e = r.error();
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.error()).isEqualTo("not_found");
        assertThat(e.function()).isEqualTo(backend.ref("nosuch").toString());
        assertThat(e.message()).contains("nosuch");
        assertThat(backend.pokes()).isEmpty();
    }

    @Test
    void aRequestReachesAReadyInstanceWholeAndItsAnswerComesBackWhole() throws Exception {
        backend = start(settings());
        FakeInstance a = instance("pod-a");
        backend.ready("echo", 0, List.of(endpoint(a)));
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 'q');

        Reply r = call(
                        HttpMethod.PUT,
                        null,
                        "/f/echo/items/7?x=1&y=2",
                        Map.of("content-type", "application/json", "x-trace", "abc", "ce-id", "42"),
                        new String(big))
                .get(LONG.toSeconds(), TimeUnit.SECONDS);

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("pod-a got 300000 bytes");
        assertThat(r.headers().get("x-pod")).isEqualTo("pod-a");
        assertThat(r.headers().get("content-type")).isEqualTo("text/plain");
        assertThat(a.seen).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("PUT");
            assertThat(s.uri()).isEqualTo("/items/7?x=1&y=2");
            assertThat(s.body().toString()).isEqualTo(new String(big));
            assertThat(s.headers().get("content-type")).isEqualTo("application/json");
            assertThat(s.headers().get("x-trace")).isEqualTo("abc");
            assertThat(s.headers().get("ce-id")).isEqualTo("42");
        });
        assertThat(backend.pokes()).isEmpty();
    }

    @Test
    void aChunkedAnswerWithoutContentLengthIsStreamedBackWhole() throws Exception {
        backend = start(settings());
        FakeInstance a = instance("pod-c");
        backend.ready("chunky", 0, List.of(endpoint(a)));

        Reply r = get("/f/chunky/stream");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("first,second");
    }

    @Test
    void aRequestAtZeroWaitsPokesOnceAndIsServedWhenAnEndpointAppears() throws Exception {
        backend = start(settings());
        backend.declare("zero", 0);
        FakeInstance a = instance("pod-z");

        CompletableFuture<Reply> reply = call(HttpMethod.GET, null, "/f/zero/greet?name=ada", Map.of(), null);
        await(() -> backend.pokes().size() == 1);
        assertThat(reply).isNotDone();
        assertThat(a.seen).isEmpty();

        backend.ready("zero", 0, List.of(endpoint(a)));

        Reply r = reply.get(LONG.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("pod-z got 0 bytes");
        assertThat(a.seen).singleElement().satisfies(s -> assertThat(s.uri()).isEqualTo("/greet?name=ada"));
        assertThat(backend.pokes()).containsExactly("zero");
    }

    @Test
    void aColdRequestIsRecordedServedByCold() throws Exception {
        backend = start(settings());
        backend.declare("cold", 0);
        FakeInstance a = instance("pod-cold");

        CompletableFuture<Reply> reply = call(HttpMethod.GET, null, "/f/cold/", Map.of(), null);
        await(() -> backend.queued().queued(backend.ref("cold")) == 1);
        backend.ready("cold", 0, List.of(endpoint(a)));
        assertThat(reply.get(LONG.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);

        String fn = backend.ref("cold").toString();
        await(() -> firstByte(fn, "cold") != null && firstByte(fn, "cold").count() == 1);
        assertThat(backend.meters()
                        .find("quiver.coldstart.wait")
                        .tags("function", fn, "served_by", "cold")
                        .timer())
                .isNotNull();
        assertThat(firstByte(fn, "warm")).isNull();
    }

    @Test
    void aRequestStillWaitingAfterTheTimeoutIsAnswered504() throws Exception {
        backend = start(settings().withTimeout(Duration.ofMillis(300)));
        backend.declare("slow", 0);

        Reply r = call(HttpMethod.POST, null, "/f/slow/work", Map.of(), "{}").get(LONG.toSeconds(), TimeUnit.SECONDS);

        assertThat(r.status()).isEqualTo(504);
        ErrorBody e = r.error();
        assertThat(e.error()).isEqualTo("timeout");
        assertThat(e.status()).isEqualTo(504);
        assertThat(e.function()).isEqualTo(backend.ref("slow").toString());
        assertThat(backend.pokes()).containsExactly("slow");
    }

    @Test
    void aRequestBeyondAFullQueueIsAnswered503WithRetryAfter() throws Exception {
        backend = start(settings().withQueueSize(1));
        backend.declare("busy", 0);

        CompletableFuture<Reply> held = call(HttpMethod.GET, null, "/f/busy/", Map.of(), null);
        await(() -> backend.queued().queued(backend.ref("busy")) == 1);
        Reply full = get("/f/busy/");

        assertThat(full.status()).isEqualTo(503);
        assertThat(full.headers().get("retry-after")).isEqualTo("1");
        assertThat(full.error().error()).isEqualTo("overloaded");
        assertThat(held).isNotDone();
    }

    @Test
    void theHardLimitIsNeverExceededUnderConcurrentLoad() throws Exception {
        backend = start(settings());
        FakeInstance a = instance("pod-1").delay(30);
        FakeInstance b = instance("pod-2").delay(30);
        backend.ready("limited", 2, List.of(endpoint(a), endpoint(b)));

        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            replies.add(call(HttpMethod.GET, null, "/f/limited/", Map.of(), null));
        }
        for (CompletableFuture<Reply> r : replies) {
            assertThat(r.get(LONG.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        }

        assertThat(a.seen.size() + b.seen.size()).isEqualTo(40);
        assertThat(a.maxConcurrency()).isBetween(1, 2);
        assertThat(b.maxConcurrency()).isBetween(1, 2);
    }

    @Test
    void theEndpointWithFewestRequestsInFlightTakesTheNext() throws Exception {
        backend = start(settings());
        FakeInstance a = instance("pod-a");
        FakeInstance b = instance("pod-b");
        backend.ready("pair", 0, List.of(endpoint(a), endpoint(b)));

        CompletableFuture<Reply> busy = call(HttpMethod.GET, null, "/f/pair/hold", Map.of(), null);
        await(() -> a.seen.size() + b.seen.size() == 1);
        FakeInstance holding = a.seen.isEmpty() ? b : a;
        FakeInstance other = holding == a ? b : a;
        for (int i = 0; i < 4; i++) {
            assertThat(get("/f/pair/").status()).isEqualTo(200);
        }

        assertThat(other.seen).hasSize(4);
        assertThat(holding.seen).hasSize(1);
        holding.releaseHeld();
        assertThat(busy.get(LONG.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void sequentialRequestsSpreadOverEveryReadyEndpoint() throws Exception {
        backend = start(settings());
        FakeInstance a = instance("pod-1");
        FakeInstance b = instance("pod-2");
        backend.ready("spread", 0, List.of(endpoint(a), endpoint(b)));

        for (int i = 0; i < 10; i++) {
            assertThat(get("/f/spread/").status()).isEqualTo(200);
        }

        assertThat(a.seen).hasSize(5);
        assertThat(b.seen).hasSize(5);
    }

    @Test
    void aRefusedConnectionIsRetriedOnAnotherReadyEndpoint() throws Exception {
        backend = start(settings());
        FakeInstance live = instance("pod-live");
        Endpoint dead = new Endpoint("dead", "127.0.0.1", closedPort());
        backend.ready("flaky", 0, List.of(dead, endpoint(live)));

        for (int i = 0; i < 4; i++) {
            Reply r = call(HttpMethod.POST, null, "/f/flaky/", Map.of(), "{\"n\":" + i + "}")
                    .get(LONG.toSeconds(), TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("pod-live got 7 bytes");
        }

        assertThat(live.seen).hasSize(4);
    }

    @Test
    void xForwardedHeadersAreAddedAndHopByHopHeadersDroppedBothWays() throws Exception {
        backend = start(settings());
        FakeInstance a = instance("pod-h");
        backend.ready("hops", 0, List.of(endpoint(a)));

        Reply r = call(
                        HttpMethod.GET,
                        "gateway.example:8080",
                        "/f/hops/",
                        Map.of(
                                "connection",
                                "keep-alive, x-hop",
                                "x-hop",
                                "secret",
                                "keep-alive",
                                "timeout=5",
                                "proxy-authorization",
                                "Basic eA==",
                                "x-kept",
                                "1"),
                        null)
                .get(LONG.toSeconds(), TimeUnit.SECONDS);

        assertThat(r.status()).isEqualTo(200);
        FakeInstance.Seen s = a.seen.get(0);
        assertThat(s.headers().get("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(s.headers().get("x-forwarded-proto")).isEqualTo("http");
        assertThat(s.headers().get("x-forwarded-host")).isEqualTo("gateway.example:8080");
        assertThat(s.headers().get("x-kept")).isEqualTo("1");
        assertThat(s.headers().names()).doesNotContain("x-hop", "keep-alive", "proxy-authorization");
        assertThat(r.headers().names()).doesNotContain("keep-alive", "proxy-authenticate");
        assertThat(r.headers().get("x-pod")).isEqualTo("pod-h");
    }

    @Test
    void aBodyOverTheLimitIsAnswered413WithAndWithoutContentLength() throws Exception {
        backend = start(settings().withMaxBodyBytes(1024));
        FakeInstance a = instance("pod-l");
        backend.ready("small", 0, List.of(endpoint(a)));
        String big = "x".repeat(2000);

        Reply sized = call(HttpMethod.POST, null, "/f/small/", Map.of(), big).get(LONG.toSeconds(), TimeUnit.SECONDS);
        Reply chunked = call(HttpMethod.POST, null, "/f/small/", Map.of("transfer-encoding", "chunked"), big)
                .get(LONG.toSeconds(), TimeUnit.SECONDS);
        Reply fits = call(HttpMethod.POST, null, "/f/small/", Map.of("transfer-encoding", "chunked"), "x".repeat(1000))
                .get(LONG.toSeconds(), TimeUnit.SECONDS);

        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.error().error()).isEqualTo("too_large");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.error().error()).isEqualTo("too_large");
        assertThat(fits.status()).isEqualTo(200);
        assertThat(fits.body()).isEqualTo("pod-l got 1000 bytes");
        assertThat(a.seen).hasSize(1);
    }

    @Test
    void aChunkedBodyFarOverTheLimitIsRefusedAndTheInstanceSeesNothing() throws Exception {
        backend = start(settings().withMaxBodyBytes(1024));
        FakeInstance a = instance("pod-huge");
        backend.ready("huge", 0, List.of(endpoint(a)));

        Reply over = call(HttpMethod.POST, null, "/f/huge/", Map.of("transfer-encoding", "chunked"), "y".repeat(1500))
                .get(LONG.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture<Reply> huge =
                call(HttpMethod.POST, null, "/f/huge/", Map.of("transfer-encoding", "chunked"), "z".repeat(1_000_000));
        Integer hugeStatus;
        try {
            hugeStatus = huge.get(LONG.toSeconds(), TimeUnit.SECONDS).status();
        } catch (java.util.concurrent.ExecutionException closed) {
            hugeStatus = null; // the activator closed the connection of a client that kept sending
        }

        assertThat(over.status()).isEqualTo(413);
        assertThat(over.error().error()).isEqualTo("too_large");
        assertThat(hugeStatus).isIn(413, null);
        assertThat(backend.meters()
                        .find("quiver.activator.requests")
                        .tags("function", backend.ref("huge").toString(), "outcome", "too_large")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(a.seen).isEmpty();
    }

    @Test
    void aHeldRequestWhoseClientLeftIsNeverDelivered() throws Exception {
        backend = start(settings());
        backend.declare("left", 0);
        FunctionRef ref = backend.ref("left");
        HttpClient leaving = vertx.createHttpClient();
        RequestOptions o = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(backend.port(), "127.0.0.1"))
                .setMethod(HttpMethod.POST)
                .setURI("/f/left/gone")
                .setHost("127.0.0.1");
        vertx.runOnContext(v -> leaving.request(o).compose(r -> r.send("bye")));
        await(() -> backend.queued().queued(ref) == 1);

        leaving.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        await(() -> backend.queued().queued(ref) == 0);
        FakeInstance a = instance("pod-left");
        backend.ready("left", 0, List.of(endpoint(a)));
        Reply after =
                call(HttpMethod.GET, null, "/f/left/stay", Map.of(), null).get(LONG.toSeconds(), TimeUnit.SECONDS);

        assertThat(after.status()).isEqualTo(200);
        assertThat(a.seen).singleElement().satisfies(s -> assertThat(s.uri()).isEqualTo("/stay"));
        assertThat(backend.meters()
                        .find("quiver.activator.requests")
                        .tags("function", ref.toString(), "outcome", "client_gone")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aHeldBodyPastTheQueuedBytesCapIsAnswered503WithRetryAfter() throws Exception {
        backend = start(settings().withMaxQueuedBytes(1500));
        backend.declare("heavy", 0);
        FunctionRef ref = backend.ref("heavy");
        Map<String, String> chunked = Map.of("transfer-encoding", "chunked");

        CompletableFuture<Reply> first = call(HttpMethod.POST, null, "/f/heavy/", chunked, "a".repeat(1000));
        await(() -> backend.queued().queued(ref) == 1);
        Reply second = call(HttpMethod.POST, null, "/f/heavy/", chunked, "b".repeat(1000))
                .get(LONG.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture<Reply> empty = call(HttpMethod.GET, null, "/f/heavy/", Map.of(), null);
        await(() -> backend.queued().queued(ref) == 2);

        assertThat(second.status()).isEqualTo(503);
        assertThat(second.headers().get("retry-after")).isEqualTo("1");
        assertThat(second.error().error()).isEqualTo("overloaded");
        FakeInstance a = instance("pod-heavy");
        backend.ready("heavy", 0, List.of(endpoint(a)));
        assertThat(first.get(LONG.toSeconds(), TimeUnit.SECONDS).body()).isEqualTo("pod-heavy got 1000 bytes");
        assertThat(empty.get(LONG.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(a.seen).hasSize(2);
    }

    @Test
    void heldRequestsAreReportedAsQueuedThroughThePortAndTheLoadEndpoint() throws Exception {
        backend = start(settings());
        backend.declare("queue", 0);
        FunctionRef ref = backend.ref("queue");

        CompletableFuture<Reply> one = call(HttpMethod.GET, null, "/f/queue/", Map.of(), null);
        CompletableFuture<Reply> two = call(HttpMethod.GET, null, "/f/queue/", Map.of(), null);
        await(() -> backend.queued().queued(ref) == 2);

        Reply load = get(ActivatorLoad.PATH);
        assertThat(load.status()).isEqualTo(200);
        assertThat(JSON.readValue(load.body(), ActivatorLoad.class).functions())
                .contains(new ActivatorLoad.FunctionLoad(ref.namespace(), ref.name(), 2, 0));

        FakeInstance a = instance("pod-q");
        backend.ready("queue", 0, List.of(endpoint(a)));
        assertThat(one.get(LONG.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(two.get(LONG.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(backend.queued().queued(ref)).isZero();
    }

    @Test
    void aRequestWaitingForAFunctionThatIsDeletedIsAnswered404() throws Exception {
        backend = start(settings());
        backend.declare("gone", 0);

        CompletableFuture<Reply> waiting = call(HttpMethod.GET, null, "/f/gone/", Map.of(), null);
        await(() -> backend.queued().queued(backend.ref("gone")) == 1);
        backend.remove("gone");

        Reply r = waiting.get(LONG.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error().error()).isEqualTo("not_found");
    }

    // --- helpers

    private Timer firstByte(String function, String servedBy) {
        return backend.meters()
                .find("quiver.coldstart.first.byte")
                .tags("function", function, "served_by", servedBy)
                .timer();
    }

    protected FakeInstance instance(String name) {
        FakeInstance i = new FakeInstance(vertx, name);
        toClose.add(i);
        return i;
    }

    protected static Endpoint endpoint(FakeInstance i) {
        return new Endpoint(i.name, "127.0.0.1", i.port());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    protected static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + LONG);
            }
            Thread.sleep(10);
        }
    }

    private Reply get(String uri) throws Exception {
        return call(HttpMethod.GET, null, uri, Map.of(), null).get(LONG.toSeconds(), TimeUnit.SECONDS);
    }

    protected CompletableFuture<Reply> call(
            HttpMethod method, String host, String uri, Map<String, String> headers, String body) {
        RequestOptions o = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(backend.port(), "127.0.0.1"))
                .setMethod(method)
                .setURI(uri)
                .setHost(host == null ? "127.0.0.1" : host)
                .setPort(80);
        if (host != null && host.contains(":")) {
            o.setHost(host.substring(0, host.indexOf(':')))
                    .setPort(Integer.parseInt(host.substring(host.indexOf(':') + 1)));
        }
        headers.forEach(o::putHeader);
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        client.runOnContext(v -> http.request(o)
                .compose(req -> {
                    if (body == null) {
                        return req.send();
                    }
                    if ("chunked".equals(headers.get("transfer-encoding"))) {
                        req.headers().remove("transfer-encoding");
                        req.setChunked(true);
                        int half = body.length() / 2;
                        req.write(body.substring(0, half));
                        req.end(body.substring(half));
                        return req.response();
                    }
                    return req.send(Buffer.buffer(body));
                })
                .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), resp.headers(), b.toString())))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        reply.complete(ar.result());
                    } else {
                        reply.completeExceptionally(ar.cause());
                    }
                }));
        return reply;
    }
}
