package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.MockCluster;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The activator against the mock API server (Functions, EndpointSlices) with real HTTP servers as the function's
 * pods and the controller's poke endpoint.
 */
@QuarkusTest
@WithKubernetesTestServer
class ActivatorTest {
    static final String NS = "act";
    static final Duration LONG = Duration.ofSeconds(60);

    @Inject
    KubernetesClient client;
    @Inject
    Vertx vertx;

    FakeController controller;
    HttpClient http;
    List<AutoCloseable> toClose = new ArrayList<>();
    Activator activator;
    KubeDirectory directory;
    int port;

    record Reply(int status, MultiMap headers, String body) {
    }

    @BeforeEach
    void setUp() throws Exception {
        new MockCluster(client).installCrds();
        controller = new FakeController(vertx);
        http = vertx.createHttpClient();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (activator != null) {
            activator.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        controller.close();
        http.close();
    }

    @Test
    void aRequestForAFunctionAtZeroIsHeldThePokeSentAndAnsweredOnceAnEndpointIsReady() throws Exception {
        function("zero");
        start(LONG, 10);
        FakePod pod = pod("pod-a");

        CompletableFuture<Reply> reply = call(HttpMethod.GET, "zero.act.svc.cluster.local", "/greet?name=ada",
                Map.of(), null);

        await().atMost(LONG).untilAsserted(() -> assertThat(controller.pokes).contains("POST /quiver/poke/act/zero"));
        assertThat(reply).isNotDone();
        assertThat(pod.seen).isEmpty();

        slice("zero", pod);

        Reply r = reply.get(60, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("pod-a got 0 bytes");
        assertThat(r.headers().get("x-pod")).isEqualTo("pod-a");
        assertThat(pod.seen).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("GET");
            assertThat(s.uri()).isEqualTo("/greet?name=ada");
        });
    }

    @Test
    void anUnknownFunctionIsAnswered404NamingIt() throws Exception {
        start(LONG, 10);

        Reply r = call(HttpMethod.GET, "nosuch.act.svc.cluster.local", "/", Map.of(), null).get(60, TimeUnit.SECONDS);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("function")).isEqualTo("nosuch");
        assertThat(body.getString("error")).isEqualTo("unknown function 'nosuch' in namespace 'act'");
        assertThat(controller.pokes).isEmpty();
    }

    @Test
    void aRequestHeldPastTheTimeoutIsAnswered503WithRetryAfter() throws Exception {
        function("slow");
        start(Duration.ofMillis(300), 10);

        Reply r = call(HttpMethod.POST, null, "/f/slow/work", Map.of(), "{}").get(60, TimeUnit.SECONDS);

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.headers().get("retry-after")).isEqualTo("1");
        assertThat(new JsonObject(r.body()).getString("error"))
                .isEqualTo("function 'slow' had no ready instance within 300 ms (quiver.kubernetes.activator.timeout)");
        assertThat(controller.pokes).contains("POST /quiver/poke/act/slow");
    }

    @Test
    void aRequestBeyondTheQueueDepthIsAnswered503AtOnce() throws Exception {
        function("busy");
        start(LONG, 1);

        CompletableFuture<Reply> held = call(HttpMethod.GET, "busy.act", "/", Map.of(), null);
        await().atMost(LONG).untilAsserted(() -> assertThat(controller.pokes).contains("POST /quiver/poke/act/busy"));
        Reply full = call(HttpMethod.GET, "busy.act", "/", Map.of(), null).get(60, TimeUnit.SECONDS);

        assertThat(full.status()).isEqualTo(503);
        assertThat(full.headers().get("retry-after")).isEqualTo("1");
        assertThat(new JsonObject(full.body()).getString("error")).contains("1 requests are already waiting",
                "queue-depth");
        assertThat(held).isNotDone();
    }

    @Test
    void theBodyAndEndToEndHeadersReachThePodIntactAndHopByHopOnesDoNot() throws Exception {
        function("echo");
        FakePod pod = pod("pod-e");
        slice("echo", pod);
        start(LONG, 10);
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 'q');
        big[0] = '{';
        big[big.length - 1] = '}';
        String body = new String(big);

        awaitEndpoints("echo", 1);

        Reply r = call(HttpMethod.PUT, "echo", "/items/7",
                Map.of("content-type", "application/json", "x-trace", "abc", "ce-id", "42",
                        "connection", "keep-alive, x-hop", "x-hop", "secret", "keep-alive", "timeout=5"), body)
                .get(60, TimeUnit.SECONDS);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("pod-e got 300000 bytes");
        assertThat(pod.seen).hasSize(1);
        FakePod.Seen s = pod.seen.get(0);
        assertThat(s.method()).isEqualTo("PUT");
        assertThat(s.uri()).isEqualTo("/items/7");
        assertThat(s.body().toString()).isEqualTo(body);
        assertThat(s.headers().get("content-type")).isEqualTo("application/json");
        assertThat(s.headers().get("x-trace")).isEqualTo("abc");
        assertThat(s.headers().get("ce-id")).isEqualTo("42");
        assertThat(s.headers().get("x-forwarded-host")).isEqualTo("echo");
        assertThat(s.headers().names()).doesNotContain("x-hop", "keep-alive");
    }

    @Test
    void aChunkedAnswerWithoutContentLengthIsStreamedBackWhole() throws Exception {
        function("chunky");
        FakePod pod = pod("pod-c");
        slice("chunky", pod);
        start(LONG, 10);
        awaitEndpoints("chunky", 1);

        Reply r = call(HttpMethod.GET, "chunky.act.svc", "/stream", Map.of(), null).get(60, TimeUnit.SECONDS);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("first,second");
        assertThat(r.headers().get("x-pod")).isEqualTo("pod-c");
    }

    @Test
    void requestsAreSpreadOverEveryReadyEndpoint() throws Exception {
        function("pair");
        FakePod a = pod("pod-1");
        FakePod b = pod("pod-2");
        slice("pair", a, b);
        start(LONG, 10);
        awaitEndpoints("pair", 2);

        for (int i = 0; i < 10; i++) {
            assertThat(call(HttpMethod.GET, "pair.act.svc.cluster.local", "/", Map.of(), null)
                    .get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        }

        assertThat(a.seen).hasSize(5);
        assertThat(b.seen).hasSize(5);
    }

    /** Waits until the directory (fed by an informer, so asynchronously) has seen the function's endpoints. */
    private void awaitEndpoints(String function, int n) {
        await().atMost(LONG).until(() -> directory.ready(NS, function).size() == n);
    }

    private void start(Duration timeout, int queueDepth) throws Exception {
        ActivatorSettings s = new ActivatorSettings(0, timeout, queueDepth, 1, Duration.ofSeconds(1), "cluster.local",
                controller.uri());
        activator = new Activator(vertx, s, NS);
        port = activator.start("127.0.0.1", l -> {
            directory = new KubeDirectory(client, NS, l).start();
            toClose.add(directory);
            return directory;
        }).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private void function(String name) {
        client.resource(Functions.of(name, NS, Map.of())).create();
    }

    private FakePod pod(String name) {
        FakePod p = new FakePod(vertx, name);
        toClose.add(p);
        return p;
    }

    private void slice(String function, FakePod... pods) {
        EndpointSlice s = new EndpointSliceBuilder().withNewMetadata().withName(function + "-private-x1")
                .withNamespace(NS).addToLabels("kubernetes.io/service-name", function + "-private").endMetadata()
                .withAddressType("IPv4").build();
        for (FakePod p : pods) {
            s.getEndpoints().add(new EndpointBuilder().withAddresses("127.0.0.1").withNewConditions().withReady(true)
                    .endConditions().build());
        }
        // one slice carries one port: a pod per slice when the ports differ (as on real clusters per port set)
        if (pods.length == 1) {
            s.getPorts().add(new io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder().withName("http")
                    .withPort(pods[0].port()).build());
            client.discovery().v1().endpointSlices().inNamespace(NS).resource(s).create();
            return;
        }
        for (int i = 0; i < pods.length; i++) {
            EndpointSlice one = new EndpointSliceBuilder(s).editMetadata().withName(function + "-private-x" + i)
                    .endMetadata().withEndpoints(s.getEndpoints().get(i)).withPorts(
                            new io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder().withName("http")
                                    .withPort(pods[i].port()).build()).build();
            client.discovery().v1().endpointSlices().inNamespace(NS).resource(one).create();
        }
    }

    private CompletableFuture<Reply> call(HttpMethod method, String host, String uri, Map<String, String> headers,
            String body) {
        RequestOptions o = new RequestOptions().setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                .setMethod(method).setURI(uri).setHost(host == null ? "127.0.0.1" : host).setPort(80);
        headers.forEach(o::putHeader);
        return http.request(o)
                .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), resp.headers(), b.toString())))
                .toCompletionStage().toCompletableFuture();
    }
}
