package dev.quiver.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The control API of a real platform process: token, body types, CORS, spec refusals, redaction, loopback. */
class SecurityIT {
    private final PlatformProcess platform = PlatformProcess.get();
    private final Api api = new Api(platform);

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET /v1/info", "GET", "/v1/info", 200),
                Arguments.of("GET /v1/functions", "GET", "/v1/functions", 200),
                Arguments.of("GET /v1/platform/components", "GET", "/v1/platform/components", 200),
                Arguments.of("GET /v1/report", "GET", "/v1/report", 200),
                Arguments.of("GET /v1/functions/none", "GET", "/v1/functions/none", 404),
                Arguments.of("DELETE /v1/functions/none", "DELETE", "/v1/functions/none", 404),
                Arguments.of("POST /v1/functions", "POST", "/v1/functions", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyControlEndpointNeedsTheToken(String label, String method, String path, int normal) {
        assertThat(call(method, path, null).statusCode()).as("no token").isEqualTo(401);
        assertThat(call(method, path, "Bearer wrong-token").statusCode())
                .as("wrong token")
                .isEqualTo(401);
        assertThat(call(method, path, "Basic " + platform.token()).statusCode())
                .as("wrong scheme")
                .isEqualTo(401);
        assertThat(call(method, path, "Bearer " + platform.token()).statusCode())
                .as("right token")
                .isEqualTo(normal);
    }

    @Test
    void aRefusalIsAJsonErrorBodyNamingTheTokenFile() {
        HttpResponse<String> r = call("GET", "/v1/functions", null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(Api.json(r.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(Api.json(r.body()).path("message").asText())
                .contains(platform.dataDir.resolve("control-token").toString());
    }

    @Test
    void healthAndMetricsStayOpen() {
        assertThat(call("GET", "/q/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/q/metrics", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aTextOrFormBodyIs415() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
            HttpResponse<String> r = api.send(HttpRequest.newBuilder(api.control("/v1/functions"))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("name: x")));
            assertThat(r.statusCode()).as(type).isEqualTo(415);
            assertThat(Api.json(r.body()).path("error").asText()).isEqualTo("unsupported_media_type");
        }
    }

    @Test
    void aBrowserOriginGetsNoCorsHeaders() {
        HttpResponse<String> preflight = api.sendAsIs(HttpRequest.newBuilder(api.control("/v1/functions"))
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
        HttpResponse<String> get = api.send(HttpRequest.newBuilder(api.control("/v1/functions"))
                .header("Origin", "http://evil.example")
                .GET());

        for (HttpResponse<String> r : List.of(preflight, get)) {
            assertThat(r.headers().map().keySet())
                    .noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        }
    }

    static Stream<Arguments> refusedSpecs() {
        return Stream.of(
                Arguments.of("a system program", "artifact: /bin/sh\n", "artifact: must resolve"),
                Arguments.of("a path out of home", "artifact: ../../../../../../../bin/sh\n", "artifact: must resolve"),
                Arguments.of("LD_PRELOAD", "artifact: HELLO\nenv: {LD_PRELOAD: /tmp/x.so}\n", "env.LD_PRELOAD"),
                Arguments.of("a shell as java", "artifact: HELLO\njvm: {java: /bin/sh}\n", "jvm.java"),
                Arguments.of(
                        "OnError",
                        "artifact: HELLO\njvmOptions: [\"-XX:OnError=touch /tmp/x\"]\n",
                        "jvmOptions[0]: must not be -XX:OnError"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSpecs")
    void aSpecThatWouldRunAnythingIs400(String label, String keys, String problem) {
        String doc = "name: refused\n" + keys.replace("HELLO", platform.helloJar.toString());
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(api.control("/v1/functions"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(doc)));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains(problem);
    }

    @Test
    void theSpecAndTheLogsHideSecrets() {
        assertThat(api.deployHello(
                                "secretive",
                                "initialScale: 1\n",
                                "env: {API_TOKEN: t0ps3cret, GREETING: hi}\nproperties: {app.password: pw-value}\n")
                        .statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(
                        () -> assertThat(api.status("secretive").path("ready").asInt())
                                .isEqualTo(1));

        String spec = api.send(HttpRequest.newBuilder(api.control("/v1/functions/secretive/spec"))
                        .GET())
                .body();
        String logs = api.send(HttpRequest.newBuilder(api.control("/v1/functions/secretive/logs"))
                        .GET())
                .body();

        assertThat(spec)
                .contains("API_TOKEN: ***", "GREETING: hi", "app.password: ***")
                .doesNotContain("t0ps3cret", "pw-value");
        assertThat(logs).contains("-Dapp.password=***").doesNotContain("pw-value");
        api.delete("secretive");
    }

    @Test
    void thePlatformListensOnLoopbackOnly() throws IOException {
        Set<String> inodes = socketInodes(platform.pid());
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table)); // read once: the table changes meanwhile
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    listening.add(f[1]);
                }
            }
        }

        assertThat(listening)
                .as("the control API and the activator")
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(a -> assertThat(a)
                        .matches("0100007F:.*|0000000000000000FFFF00000100007F:.*"
                                + "|00000000000000000000000001000000:.*"));
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            });
        }
        return inodes;
    }

    private HttpResponse<String> call(String method, String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.controlPort + path))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (method.equals("POST")) {
            b.header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString("name: x\n"));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return api.sendAsIs(b.build());
    }
}
