package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** quiver.kubernetes.role=activator: the app serves the activator (metrics on /q/metrics), not the controller. */
@QuarkusTest
@WithKubernetesTestServer
@TestProfile(ActivatorRoleProfile.class)
class ActivatorRoleTest {
    @Inject
    ActivatorStartup activator;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @TestHTTPResource("/quiver/poke/actrole/anything")
    URL poke;

    @TestHTTPResource("/quiver/activator/load")
    URL load;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAppRunsTheActivatorAndNotTheControllerWhenTheRoleSaysSo() throws Exception {
        int port = activator.port().orElseThrow();

        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/f/nosuch/hi"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(unknown.body()).getString("error")).isEqualTo("not_found");
        assertThat(new JsonObject(unknown.body()).getString("message"))
                .isEqualTo("No function 'nosuch' in namespace 'actrole' is deployed.");

        HttpResponse<String> m =
                http.send(HttpRequest.newBuilder(metrics.toURI()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.body())
                .containsPattern(
                        "quiver_activator_requests_total\\{function=\"actrole/nosuch\",outcome=\"not_found\",?} 1\\.0");

        HttpResponse<Void> p = http.send(
                HttpRequest.newBuilder(poke.toURI())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(p.statusCode())
                .as("the controller's scalers do not run in the activator role")
                .isEqualTo(404);

        HttpResponse<String> l =
                http.send(HttpRequest.newBuilder(load.toURI()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(l.statusCode())
                .as("the held requests, on the admin port the controller polls")
                .isEqualTo(200);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readValue(l.body(), dev.quiver.api.activator.ActivatorLoad.class)
                        .functions())
                .isNotNull();
    }
}
