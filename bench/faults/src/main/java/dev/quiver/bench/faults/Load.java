package dev.quiver.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The publisher: sends ids {@code <prefix>-<n>} at about {@code perSecond}, each once (no retry of its own: one not
 * acknowledged is counted as refused, never as lost), and remembers when each acknowledged one was sent. What sending is
 * comes from the scenario: an event POSTed to the broker ({@link #events}, 202), or an object PUT to the store (200).
 */
public final class Load {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, Long> accepted = new LinkedHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean stopped;

    /**
     * Runs the load on a thread of its own until {@link #stop()}.
     *
     * @param send sends one id, true when it was acknowledged
     */
    public CompletableFuture<Load> start(Predicate<String> send, String prefix, int perSecond) {
        return CompletableFuture.supplyAsync(() -> {
            long interval = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            for (int i = 0; !stopped; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Waits.sleep(wait / 1_000_000);
                }
                // after a stall (a post that waited for a timeout) the pace resumes, it does not catch up in a burst
                next = Math.max(next + interval, System.nanoTime());
                String id = prefix + "-" + i;
                long sentAt = System.nanoTime();
                if (send.test(id)) {
                    synchronized (accepted) {
                        accepted.put(id, sentAt);
                    }
                } else {
                    refused.incrementAndGet();
                }
                sent.incrementAndGet();
            }
            return this;
        });
    }

    /** Ends the load after the event being posted. */
    public void stop() {
        stopped = true;
    }

    /** Binary-mode events of {@code type} POSTed to {@code url} (asked each time); acknowledged = 202. */
    public static Predicate<String> events(Supplier<String> url, String type) {
        return id -> post(url.get(), id, type);
    }

    private static boolean post(String url, String id, String type) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", "/faults")
                .header("ce-type", type)
                .header("content-type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(id))
                .build();
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many were posted so far, acknowledged or not. */
    public int sent() {
        return sent.get();
    }

    public Map<String, Long> accepted() {
        synchronized (accepted) {
            return Map.copyOf(accepted);
        }
    }

    public int refused() {
        return refused.get();
    }
}
