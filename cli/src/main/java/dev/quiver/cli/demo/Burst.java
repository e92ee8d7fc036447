package dev.quiver.cli.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** Requests at a fixed parallelism for a while: how many there were, how many answered 200. */
final class Burst {
    record Counts(long ok, long total) {}

    private Burst() {}

    static Counts run(URI url, String body, Duration duration, int parallel) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore slots = new Semaphore(parallel);
        AtomicLong ok = new AtomicLong();
        AtomicLong total = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        while (System.nanoTime() < end) {
            slots.acquire();
            CompletableFuture<HttpResponse<Void>> f = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            f.whenComplete((r, e) -> {
                total.incrementAndGet();
                if (e == null && r.statusCode() == 200) {
                    ok.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(parallel);
        return new Counts(ok.get(), total.get());
    }
}
