package dev.quiver.local.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Reads an instance's stats endpoint; empty when it does not answer in time. */
public final class StatsScraper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
    private final Duration timeout;

    public StatsScraper(Duration timeout) {
        this.timeout = timeout;
    }

    public CompletableFuture<Optional<InstanceStats>> scrape(String host, int port) {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/quiver/stats"))
                .timeout(timeout).GET().build();
        return http.sendAsync(r, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(resp -> resp.statusCode() == 200 ? parse(resp.body()) : Optional.<InstanceStats>empty())
                .exceptionally(e -> Optional.empty());
    }

    static Optional<InstanceStats> parse(byte[] body) {
        try {
            return Optional.of(JSON.readValue(body, InstanceStats.class));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
