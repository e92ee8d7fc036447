package dev.quiver.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The real platform process takes Knative's own Trigger (src/test/resources/knative) through the control API's deploy,
 * applies it to the broker admin API (here a recording stand-in) with its Service ref resolved to the activator, has
 * it again after a restart, and deletes it with {@code <kind>:<name>}, what {@code quiver delete trigger/<name>} sends.
 */
class KnativeDeployIT {
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private synchronized void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String[] parts = path.substring("/admin/v1/".length()).split("/");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(ex.getRequestMethod() + " " + path);
        int status;
        String answer = "";
        switch (ex.getRequestMethod()) {
            case "POST" -> {
                String key = parts[0] + "/"
                        + new ObjectMapper().readTree(body).at("/metadata/name").asText();
                if (objects.containsKey(key)) {
                    status = 409;
                } else {
                    objects.put(key, body);
                    status = 201;
                    answer = body;
                }
            }
            case "GET" -> {
                answer = objects.getOrDefault(parts[0] + "/" + parts[1], "");
                status = answer.isEmpty() ? 404 : 200;
            }
            case "DELETE" -> status = objects.remove(parts[0] + "/" + parts[1]) == null ? 404 : 204;
            default -> status = 405;
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = KnativeDeployIT.class.getResourceAsStream("/knative/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static HttpResponse<String> send(PlatformProcess p, HttpRequest.Builder r) throws Exception {
        return HttpClient.newHttpClient()
                .send(r.header("Authorization", "Bearer " + p.token()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI control(PlatformProcess p, String path) {
        return URI.create("http://127.0.0.1:" + p.controlPort + path);
    }

    @Test
    void knativesTriggerIsDeployedAppliedKeptAcrossARestartAndDeleted() throws Exception {
        HttpServer broker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        broker.createContext("/admin/v1/", this::handle);
        broker.start();
        Path data = Files.createTempDirectory("quiver-knative-it-");
        List<String> options = List.of(
                "-Dquiver.platform.broker.url=http://127.0.0.1:"
                        + broker.getAddress().getPort(),
                "-Dquiver.platform.trigger-resync=1s");
        PlatformProcess first = PlatformProcess.startOn(data, options);
        PlatformProcess second = null;
        try {
            HttpResponse<String> deployed = send(
                    first,
                    HttpRequest.newBuilder(control(first, "/v1/functions"))
                            .header("Content-Type", "application/yaml")
                            .POST(HttpRequest.BodyPublishers.ofString(resource("trigger-filter-attributes.yaml"))));

            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
            String sent = objects.get("triggers/my-service-trigger");
            assertThat(new ObjectMapper()
                            .readTree(sent)
                            .at("/spec/subscriber/uri")
                            .asText())
                    .isEqualTo("http://127.0.0.1:" + first.activatorPort + "/f/my-service/");
            assertThat(send(
                                    first,
                                    HttpRequest.newBuilder(control(first, "/v1/eventing"))
                                            .GET())
                            .body())
                    .contains("\"name\":\"my-service-trigger\"", "\"state\":\"applied\"");
            first.halt(false);

            objects.clear(); // the broker lost it too
            second = PlatformProcess.startOn(data, options);
            await().atMost(Duration.ofSeconds(60)).until(() -> objects.containsKey("triggers/my-service-trigger"));

            PlatformProcess running = second;
            HttpResponse<String> deleted = send(
                    running,
                    HttpRequest.newBuilder(control(running, "/v1/functions/trigger%3Amy-service-trigger"))
                            .DELETE());
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            assertThat(objects).doesNotContainKey("triggers/my-service-trigger");
            assertThat(data.resolve("eventing/triggers/my-service-trigger.yaml"))
                    .doesNotExist();
        } finally {
            first.halt(true);
            if (second != null) {
                second.stop();
            }
            broker.stop(0);
        }
    }
}
