package dev.quiver.kubernetes.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.kubernetes.workload.PodTemplates;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Reads {@code GET http://<pod IP>:8080/quiver/stats} (docs/runtime.md). */
public final class HttpPodStats implements PodStats.Source {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Duration timeout;

    public HttpPodStats(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Optional<PodStats> read(Pod pod) {
        String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        if (ip == null || ip.isEmpty()) {
            return Optional.empty();
        }
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + host + ":" + PodTemplates.PORT
                + "/quiver/stats")).timeout(timeout).GET().build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode n = JSON.readTree(res.body());
            return Optional.of(new PodStats(n.path("inFlight").asDouble() + n.path("queued").asDouble(),
                    n.path("averageConcurrency").asDouble(), n.path("requestsPerSecond").asDouble()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
