package dev.quiver.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.errors.ErrorBody;
import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.TriggerDocument;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broker with its admin token, its admin API on a port of its own and ingress tokens, over real HTTP: every
 * protected endpoint answers 401 (the shared error body, {@code WWW-Authenticate: Bearer}, one message) without a
 * token and with a wrong one, and its normal answer with the right one.
 */
@QuarkusTest
@QuarkusTestResource(KafkaLocalTestResource.class)
@TestProfile(SecurityIT.Secured.class)
class SecurityIT {

    static final String ADMIN_TOKEN = "admin-" + "x".repeat(20);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static class Secured implements QuarkusTestProfile {
        static final int ADMIN_PORT = FreePorts.find();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quiver.broker.admin.token",
                    ADMIN_TOKEN,
                    "quiver.broker.admin.port",
                    String.valueOf(ADMIN_PORT),
                    "quiver.broker.ingress.tokens",
                    "ingress-one,ingress-two",
                    // its own stored triggers: the other test classes' (same shared Kafka) are not its business
                    "quiver.broker.kafka.triggers-topic",
                    "quiver-triggers-security-it");
        }
    }

    @TestHTTPResource("/")
    URI main;

    @ConfigProperty(name = "quiver.broker.admin.port")
    int adminPort;

    URI admin() {
        return URI.create("http://127.0.0.1:" + adminPort + "/");
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("admin list", "admin", "GET", "admin/v1/triggers", ADMIN_TOKEN, 200),
                Arguments.of("admin get", "admin", "GET", "admin/v1/triggers/none", ADMIN_TOKEN, 404),
                Arguments.of("admin delete", "admin", "DELETE", "admin/v1/triggers/none", ADMIN_TOKEN, 404),
                Arguments.of("admin create", "admin", "POST", "admin/v1/triggers", ADMIN_TOKEN, 400),
                Arguments.of("ingress, first token", "main", "POST", "default", "ingress-one", 202),
                Arguments.of("ingress, second token", "main", "POST", "default", "ingress-two", 202));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutOrWithAWrongTokenIs401AndWithTheRightOneTheNormalAnswer(
            String label, String port, String method, String path, String token, int normal) throws Exception {
        URI uri = ("admin".equals(port) ? admin() : main).resolve(path);
        HttpResponse<String> none = send(method, uri, null);
        HttpResponse<String> wrong = send(method, uri, token + "x");
        for (HttpResponse<String> r : List.of(none, wrong)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            ErrorBody body = new ObjectMapper().readValue(r.body(), ErrorBody.class);
            assertThat(body.status()).isEqualTo(401);
            assertThat(body.error()).isEqualTo("unauthorized");
            assertThat(body.message()).contains("Authorization: Bearer").doesNotContain(token);
        }
        assertThat(none.body()).isEqualTo(wrong.body());
        assertThat(send(method, uri, token).statusCode()).isEqualTo(normal);
    }

    @Test
    void theAdminApiIsOnlyOnItsOwnPort() throws Exception {
        assertThat(send("GET", main.resolve("admin/v1/triggers"), ADMIN_TOKEN).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", main.resolve("q/health/ready"), null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theSharedAdminClientSendsTheToken() throws Exception {
        BrokerAdminClient client =
                BrokerAdminClient.withToken(admin(), Duration.ofSeconds(40), Optional.of(ADMIN_TOKEN));
        TriggerDocument t = TriggerDocument.of(
                "secured", TriggerDocument.Spec.of("default", List.of(), "http://127.0.0.1:9/unused"));
        assertThat(client.apply(t).outcome()).isEqualTo(BrokerAdminClient.Outcome.CREATED);
        assertThat(client.list()).extracting(TriggerDocument::name).contains("secured");
        assertThat(client.delete("secured")).isTrue();
    }

    static HttpResponse<String> send(String method, URI uri, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            b.header("ce-specversion", "1.0")
                    .header("ce-id", "sec-1")
                    .header("ce-source", "/it")
                    .header("ce-type", "it.sec")
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
