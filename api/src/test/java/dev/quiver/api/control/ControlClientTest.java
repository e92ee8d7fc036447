package dev.quiver.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server answering as the control API does. */
class ControlClientTest {
    private HttpServer server;
    private ControlClient client;
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String key = ex.getRequestMethod() + " " + ex.getRequestURI();
            seen.put(
                    key,
                    String.valueOf(ex.getRequestHeaders().getFirst("Authorization")) + "|"
                            + ex.getRequestHeaders().getFirst("Content-Type"));
            String[] a = answers.getOrDefault(key, new String[] {
                "404", "{\"status\":404,\"error\":\"not_found\",\"message\":\"No function 'x' is deployed.\"}"
            });
            byte[] body = a[1].getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(Integer.parseInt(a[0]), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        client = new ControlClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsAFunctionsStatusAsTheRecord() {
        answers.put("GET /v1/functions/hello", new String[] {"200", """
                {"name":"hello","artifact":"a.jar","ready":1,"warm":1,"starting":0,"desired":1,"mode":"serve",
                 "panicking":false,"concurrency":0.5,"rps":2.0,"lag":-1,"queued":0,"coldStarts":0,"warmStarts":1,
                 "promotions":1,"crashes":0,"lastCrash":null,"reasons":["stable"],"instances":[{"id":"hello-1",
                 "role":"active","state":"ready","port":4100,"pid":77,"inFlight":0,"concurrency":0.5,"requests":3,
                 "generation":1,"log":"l","launch":"jdk17","startupMillis":800,"reportedStartupMillis":600}],
                 "launch":"jdk17","launchReason":"r","coldStart":{"cold":{"firstByte":{"count":0,"p50Ms":0,
                 "p90Ms":0,"maxMs":0}},"warm":{"firstByte":{"count":2,"p50Ms":31,"p90Ms":40,"maxMs":41}},
                 "startups":[]},"coldStartText":"warm 2/2 p50 31ms","futureField":true}"""});

        FunctionStatus f = client.function("hello").orElseThrow();

        assertThat(f.ready()).isEqualTo(1);
        assertThat(f.instances()).extracting(InstanceStatus::pid).containsExactly(77L);
        assertThat(f.coldStart().warm().count()).isEqualTo(2);
        assertThat(f.coldStartText()).isEqualTo("warm 2/2 p50 31ms");
    }

    @Test
    void sendsTheBearerTokenAndTheYamlTypeOnEveryCall() {
        ControlClient withToken = new ControlClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(5),
                () -> java.util.Optional.of("s3cr3t-token\n"));
        answers.put("POST /v1/functions", new String[] {"400", "{\"problems\":[\"x\"]}"});

        withToken.function("x");
        withToken.deploy("name: x");
        withToken.delete("x");

        assertThat(seen)
                .containsEntry("GET /v1/functions/x", "Bearer s3cr3t-token|null")
                .containsEntry("POST /v1/functions", "Bearer s3cr3t-token|application/yaml")
                .containsEntry("DELETE /v1/functions/x", "Bearer s3cr3t-token|null");
    }

    @Test
    void aClientWithoutTokenSendsNoAuthorization() {
        client.function("x");

        assertThat(seen).containsEntry("GET /v1/functions/x", "null|null");
    }

    @Test
    void anUnauthorizedAnswerNamesTheMessage() {
        answers.put("GET /v1/functions/x", new String[] {
            "401",
            "{\"status\":401,\"error\":\"unauthorized\","
                    + "\"message\":\"a bearer token is required: see /d/control-token\"}"
        });

        assertThatThrownBy(() -> client.function("x"))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("/d/control-token");
    }

    @Test
    void anUnknownFunctionIsEmpty() {
        assertThat(client.function("x")).isEmpty();
        assertThat(client.delete("x")).isFalse();
    }

    @Test
    void aRejectedDeployCarriesTheProblems() {
        answers.put("POST /v1/functions", new String[] {
            "400", "{\"status\":400,\"error\":\"invalid_function\",\"problems\":[\"scale.maxScale: must be >= 1\"]}"
        });

        ControlClient.DeployResult r = client.deploy("name: x");

        assertThat(r.ok()).isFalse();
        assertThat(r.rejection().problems()).containsExactly("scale.maxScale: must be >= 1");
    }

    @Test
    void anUnexpectedAnswerNamesTheStatusAndTheMessage() {
        answers.put(
                "GET /v1/functions",
                new String[] {"500", "{\"status\":500,\"error\":\"internal\",\"message\":\"the loop is stuck\"}"});

        assertThatThrownBy(client::functions)
                .isInstanceOf(ControlClient.ControlException.class)
                .hasMessage("the control API answered HTTP 500 to GET /v1/functions: the loop is stuck");
    }

    @Test
    void noAnswerIsUnreachable() {
        server.stop(0);

        assertThat(client.ready()).isFalse();
        assertThatThrownBy(client::info)
                .isInstanceOf(ControlClient.ControlUnreachable.class)
                .hasMessageStartingWith("no answer from the control API at http://127.0.0.1:");
    }

    @Test
    void readsTheSummaryAndTheComponents() {
        answers.put("GET /v1/functions/orders/summary?since=5", new String[] {
            "200",
            "{\"samples\":3,\"maxReady\":2,\"maxDesired\":4,\"lastReady\":0,\"lastWarm\":0,\"lastDesired\":0,"
                    + "\"panicked\":false,\"maxConcurrency\":3.5,\"maxLag\":900,\"lastLag\":0}"
        });
        answers.put("GET /v1/platform/components", new String[] {
            "200",
            "[{\"name\":\"kafka\",\"state\":\"ready\",\"pid\":5,\"restarts\":1,\"lastExit\":\"exit 1 after 3 s\","
                    + "\"log\":\"k.log\"}]"
        });

        assertThat(client.summary("orders", 5)).contains(new FunctionSummary(3, 2, 4, 0, 0, 0, false, 3.5, 900, 0));
        assertThat(client.components())
                .containsExactly(new ComponentStatus("kafka", "ready", 5, 1, "exit 1 after 3 s", "k.log"));
    }
}
