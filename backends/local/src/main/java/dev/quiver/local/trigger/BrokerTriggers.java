package dev.quiver.local.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.local.registry.FunctionDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Keeps the broker's triggers in step with the functions' {@code triggers.broker}: a trigger named
 * {@code fn-<function>} whose subscriber is the function behind the activator. Uses the broker's admin API
 * ({@code /admin/v1/triggers}) as a black box; asynchronous, failures are logged.
 */
public final class BrokerTriggers {
    private static final Logger LOG = Logger.getLogger(BrokerTriggers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String brokerUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param brokerUrl the broker's base URL, e.g. {@code http://127.0.0.1:8081}; null = not managed */
    public BrokerTriggers(String brokerUrl) {
        this.brokerUrl = brokerUrl == null ? null : brokerUrl.replaceAll("/+$", "");
    }

    static String triggerName(String function) {
        return "fn-" + function;
    }

    /** Creates or replaces the function's trigger, or removes it when the function has none. */
    public CompletableFuture<Void> apply(FunctionDefinition f, int activatorPort) {
        if (brokerUrl == null) {
            if (f.broker().isPresent()) {
                LOG.warnf("%s: has a broker trigger but no broker is configured (quiver.platform.broker.url)",
                        f.name());
            }
            return CompletableFuture.completedFuture(null);
        }
        if (f.broker().isEmpty()) {
            return remove(f.name());
        }
        String body = body(f, activatorPort);
        return remove(f.name()).thenCompose(v -> send(HttpRequest.newBuilder(admin("")).timeout(Duration.ofSeconds(40))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))))
                .thenAccept(r -> {
                    if (r.statusCode() == 201) {
                        LOG.infof("%s: broker trigger %s ready", f.name(), triggerName(f.name()));
                    } else {
                        LOG.warnf("%s: the broker refused trigger %s: HTTP %d %s", f.name(), triggerName(f.name()),
                                r.statusCode(), r.body());
                    }
                });
    }

    public CompletableFuture<Void> remove(String function) {
        if (brokerUrl == null) {
            return CompletableFuture.completedFuture(null);
        }
        return send(HttpRequest.newBuilder(admin("/" + triggerName(function))).timeout(Duration.ofSeconds(10))
                .DELETE()).thenAccept(r -> { });
    }

    static String body(FunctionDefinition f, int activatorPort) {
        var t = f.broker().orElseThrow();
        Map<String, Object> spec = Map.of("broker", t.broker(), "filters", t.filters(),
                "subscriber", Map.of("uri", "http://127.0.0.1:" + activatorPort + "/f/" + f.name() + "/"));
        try {
            return JSON.writeValueAsString(Map.of("metadata", Map.of("name", triggerName(f.name())), "spec", spec));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private URI admin(String path) {
        return URI.create(brokerUrl + "/admin/v1/triggers" + path);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder b) {
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).exceptionally(e -> {
            LOG.warnf("broker admin API %s not reachable: %s", brokerUrl, e.getMessage());
            return null;
        }).thenApply(r -> r == null ? new Failed() : r);
    }

    /** Stands for no answer. */
    private static final class Failed implements HttpResponse<String> {
        public int statusCode() {
            return 0;
        }

        public HttpRequest request() {
            return null;
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        public String body() {
            return "no answer";
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        public URI uri() {
            return null;
        }

        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
