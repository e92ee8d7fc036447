package dev.quiver.api.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.trigger.BrokerAdminException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A client of the broker's admin routes for Knative documents other than triggers
 * ({@code /admin/v1/pingsources|kafkasources|kafkasinks}): {@link #apply} POSTs the document (the broker upserts:
 * an unchanged one is left running) and returns the broker's answer with its Knative status; {@link #delete}.
 * Failures are {@link BrokerAdminException}s, as {@code api.trigger.BrokerAdminClient}'s, whose request pieces
 * (bearer token, per-request timeout, error body) this follows; fold the two once that client has a generic
 * {@code apply(plural, name, json)}.
 */
public final class EventingAdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/admin/v1/";

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final String token;

    public EventingAdminClient(HttpClient http, URI base, Duration timeout, Optional<String> token) {
        this.http = http;
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.timeout = timeout;
        this.token = token.map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
    }

    public EventingAdminClient(URI base, Duration timeout) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), base, timeout, Optional.empty());
    }

    /** @return the document as the broker runs it, with {@code status} */
    public JsonNode apply(String plural, String name, String json) throws InterruptedException {
        String what = "apply " + plural + " '" + name + "'";
        HttpResponse<String> r = send(
                what,
                HttpRequest.newBuilder(URI.create(base + PREFIX + plural))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (r.statusCode() / 100 != 2) {
            throw new BrokerAdminException(base, what, r.statusCode(), error(r.body()), null);
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new BrokerAdminException(base, what, r.statusCode(), "unreadable answer: " + e.getMessage(), e);
        }
    }

    /** @return false when the broker had none of that name */
    public boolean delete(String plural, String name) throws InterruptedException {
        String what = "delete " + plural + " '" + name + "'";
        HttpResponse<String> r = send(
                what,
                HttpRequest.newBuilder(URI.create(base + PREFIX + plural + "/" + name))
                        .DELETE());
        if (r.statusCode() == 404) {
            return false;
        }
        if (r.statusCode() / 100 != 2) {
            throw new BrokerAdminException(base, what, r.statusCode(), error(r.body()), null);
        }
        return true;
    }

    private HttpResponse<String> send(String what, HttpRequest.Builder request) throws InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BrokerAdminException(base, what, 0, String.valueOf(e), e);
        }
    }

    /** The broker's {@code {"status":400,"error":"spec.schedule: ..."}}: its {@code error}, else the body. */
    private static String error(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("error")) {
                return n.get("error").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // the body as it came
        }
        return body == null || body.isBlank() ? "(empty body)" : body.strip();
    }
}
