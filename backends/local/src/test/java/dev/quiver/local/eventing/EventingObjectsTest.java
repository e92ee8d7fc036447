package dev.quiver.local.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quiver.local.trigger.BrokerTriggers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local platform's deploy of Knative documents against a fake broker admin API (upsert routes as the broker has
 * them): applied with refs resolved, stored, applied again after a restart, deleted.
 */
class EventingObjectsTest {
    @TempDir
    Path data;

    /** The fake broker's objects: "plural/name" → JSON as sent. */
    private final Map<String, String> objects = new ConcurrentHashMap<>();

    private final List<String> requests = new ArrayList<>();
    private HttpServer server;
    private BrokerTriggers triggers;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/admin/v1/", this::handle);
        server.start();
        triggers = new BrokerTriggers("http://127.0.0.1:" + server.getAddress().getPort(), null);
    }

    @AfterEach
    void tearDown() {
        triggers.close();
        server.stop(0);
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String[] parts =
                ex.getRequestURI().getPath().substring("/admin/v1/".length()).split("/");
        String plural = parts[0];
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        String answer = "";
        switch (ex.getRequestMethod()) {
            case "POST" -> {
                String name =
                        new ObjectMapper().readTree(body).at("/metadata/name").asText();
                if (plural.equals("triggers") && objects.containsKey(plural + "/" + name)) {
                    status = 409;
                } else {
                    status = objects.put(plural + "/" + name, body) == null ? 201 : 200;
                    answer = body;
                }
            }
            case "GET" -> {
                answer = objects.get(plural + "/" + parts[1]);
                status = answer == null ? 404 : 200;
                answer = answer == null ? "" : answer;
            }
            case "DELETE" -> status = objects.remove(plural + "/" + parts[1]) == null ? 404 : 204;
            default -> status = 405;
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, status == 204 ? -1 : out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    static String resource(String name) throws Exception {
        return EventingDocumentTest.resource(name);
    }

    @Test
    void aKnativeTriggerAndBrokerAreAppliedResolvedStoredReappliedAfterARestartAndDeleted() throws Exception {
        EventingObjects eventing = new EventingObjects(data, triggers, () -> 7070);

        EventingObjects.Deployed broker = eventing.deploy(resource("broker-dead-letter.yaml"));
        EventingObjects.Deployed trigger = eventing.deploy(resource("trigger-filter-attributes.yaml"));

        assertThat(broker.rejected()).isNull();
        assertThat(broker.created()).isTrue();
        assertThat(trigger.status().state()).isEqualTo("applied");
        assertThat(new ObjectMapper()
                        .readTree(objects.get("triggers/my-service-trigger"))
                        .at("/spec/subscriber/uri")
                        .asText())
                .isEqualTo("http://127.0.0.1:7070/f/my-service/");
        assertThat(Files.readString(data.resolve("eventing/triggers/my-service-trigger.yaml")))
                .isEqualTo(resource("trigger-filter-attributes.yaml"));
        assertThat(eventing.deploy(resource("trigger-filter-attributes.yaml")).created())
                .isFalse();

        objects.clear(); // the broker restarted without them; so did the platform
        EventingObjects restarted = new EventingObjects(data, triggers, () -> 7070);
        restarted.resync();
        assertThat(objects).containsOnlyKeys("brokers/default", "triggers/my-service-trigger");
        assertThat(restarted.list())
                .extracting(EventingObjects.ObjectStatus::state)
                .containsOnly("applied");

        requests.clear();
        restarted.resync();
        assertThat(requests).doesNotContain("POST /admin/v1/brokers", "DELETE /admin/v1/triggers/my-service-trigger");

        assertThat(restarted.delete("triggers", "my-service-trigger")).isTrue();
        assertThat(objects).containsOnlyKeys("brokers/default");
        assertThat(restarted.delete("triggers", "my-service-trigger")).isFalse();
        assertThat(data.resolve("eventing/triggers/my-service-trigger.yaml")).doesNotExist();
    }

    @Test
    void aDocumentTheBrokerRefusesIsNotStored() throws Exception {
        server.removeContext("/admin/v1/");
        server.createContext("/admin/v1/", ex -> {
            byte[] out = "{\"status\":400,\"error\":\"spec.broker: unknown broker 'nope'\"}".getBytes();
            ex.sendResponseHeaders(ex.getRequestMethod().equals("GET") ? 404 : 400, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        EventingObjects eventing = new EventingObjects(data, triggers, () -> 7070);

        EventingObjects.Deployed d = eventing.deploy(resource("trigger-service-uri.yaml"));

        assertThat(d.rejected()).isEqualTo("spec.broker: unknown broker 'nope'");
        assertThat(eventing.list()).isEmpty();
    }
}
