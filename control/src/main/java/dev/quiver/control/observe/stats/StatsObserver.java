package dev.quiver.control.observe.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.stats.StatsReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code GET http://host:port/quiver/stats} into the runtime's own {@link StatsReport} record, asynchronously
 * (the JDK client's {@code sendAsync}): the loop thread never waits for an instance.
 */
public final class StatsObserver implements StatsSource {
    private static final Logger LOG = LoggerFactory.getLogger(StatsObserver.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout how long one reading may take (connect and answer) */
    public StatsObserver(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public CompletableFuture<Optional<StatsReport>> read(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://" + h + ":" + port + StatsReport.PATH))
                .timeout(timeout)
                .GET()
                .build();
        return http.sendAsync(r, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(resp -> resp.statusCode() == 200 ? parse(resp.body()) : Optional.<StatsReport>empty())
                .exceptionally(e -> {
                    LOG.debug("stats of {}:{} not read: {}", host, port, e.toString());
                    return Optional.empty();
                });
    }

    /** @return the report, or empty when {@code body} is not one */
    public static Optional<StatsReport> parse(byte[] body) {
        try {
            return Optional.of(JSON.readValue(body, StatsReport.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
