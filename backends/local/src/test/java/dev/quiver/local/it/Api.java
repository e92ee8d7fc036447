package dev.quiver.local.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The control API and the activator of a {@link PlatformProcess}, over real HTTP. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PlatformProcess platform;

    public Api(PlatformProcess platform) {
        this.platform = platform;
    }

    /** Deploys a hello function named {@code name} with these {@code scale:} lines. */
    public HttpResponse<String> deployHello(String name, String scaleYaml) {
        return deployHello(name, scaleYaml, "");
    }

    /** @param topLevelYaml more keys of the spec, e.g. {@code jvm: {archive: appcds}} */
    HttpResponse<String> deployHello(String name, String scaleYaml, String topLevelYaml) {
        String doc = "name: " + name + "\nartifact: " + platform.helloJar + "\n" + topLevelYaml
                + (topLevelYaml.isEmpty() || topLevelYaml.endsWith("\n") ? "" : "\n") + "scale:\n"
                + scaleYaml.indent(2);
        return send(HttpRequest.newBuilder(control("/v1/functions/" + name))
                .header("content-type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(doc)));
    }

    public HttpResponse<String> delete(String name) {
        return send(HttpRequest.newBuilder(control("/v1/functions/" + name)).DELETE());
    }

    public JsonNode status(String name) {
        return json(
                send(HttpRequest.newBuilder(control("/v1/functions/" + name)).GET())
                        .body());
    }

    String metrics() {
        return send(HttpRequest.newBuilder(control("/q/metrics")).GET()).body();
    }

    /** POST {"name": who} to /f/{function}/hello through the activator. */
    public HttpResponse<String> hello(String function, String who) {
        return send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + platform.activatorPort + "/f/" + function + "/hello"))
                .timeout(Duration.ofSeconds(90))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + who + "\"}")));
    }

    /** Sends with the control token on control API calls ({@code /v1}). */
    HttpResponse<String> send(HttpRequest.Builder b) {
        HttpRequest r = b.build();
        if (r.uri().getPort() == platform.controlPort
                && r.uri().getPath().startsWith("/v1")
                && r.headers().firstValue("Authorization").isEmpty()) {
            r = HttpRequest.newBuilder(r, (name, value) -> true)
                    .header("Authorization", "Bearer " + platform.token())
                    .build();
        }
        return sendAsIs(r);
    }

    /** Sends exactly this request (no token added). */
    HttpResponse<String> sendAsIs(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI control(String path) {
        return URI.create("http://127.0.0.1:" + platform.controlPort + path);
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
