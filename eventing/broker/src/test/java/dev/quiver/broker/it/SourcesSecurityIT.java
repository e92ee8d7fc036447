package dev.quiver.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kafka.local.FreePorts;
import dev.quiver.kafka.local.quarkus.KafkaLocalTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sources' admin routes sit behind the admin token on the admin port like the triggers' (AdminListener mounts
 * every admin route set), and a KafkaSink's ingress behind the ingress tokens like broker ingress.
 */
@QuarkusTest
@QuarkusTestResource(KafkaLocalTestResource.class)
@TestProfile(SourcesSecurityIT.Secured.class)
class SourcesSecurityIT {

    static final String ADMIN_TOKEN = "admin-yyyyyyyyyyyyyyyyyyyy";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static class Secured implements QuarkusTestProfile {
        static final int ADMIN_PORT = FreePorts.find();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quiver.broker.admin.token", ADMIN_TOKEN,
                    "quiver.broker.admin.port", String.valueOf(ADMIN_PORT),
                    "quiver.broker.ingress.tokens", "ingress-one",
                    "quiver.broker.kafka.triggers-topic", "quiver-triggers-sources-security-it",
                    "quiver.broker.sources.topic", "quiver-sources-security-it",
                    "quiver.broker.sources.ping-state-topic", "quiver-ping-state-security-it");
        }
    }

    @TestHTTPResource("/")
    URI main;

    @ConfigProperty(name = "quiver.broker.admin.port")
    int adminPort;

    @ParameterizedTest(name = "{0} {1} on the {2} port: 401 without a token, {4} with it")
    @CsvSource({
        "GET, admin/v1/pingsources, admin, " + ADMIN_TOKEN + ", 200",
        "GET, admin/v1/kafkasources/none, admin, " + ADMIN_TOKEN + ", 404",
        "DELETE, admin/v1/kafkasinks/none, admin, " + ADMIN_TOKEN + ", 404",
        "POST, admin/v1/pingsources, admin, " + ADMIN_TOKEN + ", 400",
        "POST, sinks/none, main, ingress-one, 404"
    })
    void everySourceRouteNeedsItsToken(String method, String path, String port, String token, int normal)
            throws Exception {
        URI base = "admin".equals(port) ? URI.create("http://127.0.0.1:" + adminPort + "/") : main;
        assertThat(send(method, base.resolve(path), null).statusCode()).isEqualTo(401);
        assertThat(send(method, base.resolve(path), token + "x").statusCode()).isEqualTo(401);
        assertThat(send(method, base.resolve(path), token).statusCode()).isEqualTo(normal);
        if ("admin".equals(port)) {
            assertThat(send(method, main.resolve(path), token).statusCode())
                    .as("not on the main port")
                    .isEqualTo(404);
        }
    }

    static HttpResponse<String> send(String method, URI uri, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.header("content-type", "application/json");
        b.method(
                method,
                method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"name\":\"x\"},\"spec\":{}}")
                        : HttpRequest.BodyPublishers.noBody());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
