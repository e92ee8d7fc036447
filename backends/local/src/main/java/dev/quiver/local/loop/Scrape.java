package dev.quiver.local.loop;

import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.local.metrics.InstanceStats;
import dev.quiver.local.metrics.StatsScraper;
import dev.quiver.local.warmpool.ManagedInstance;
import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One round of stats scraping over every ready instance, in parallel, bounded by a timeout. */
final class Scrape {
    private final Map<ManagedInstance, CompletableFuture<Optional<InstanceStats>>> results;

    private Scrape(Map<ManagedInstance, CompletableFuture<Optional<InstanceStats>>> results) {
        this.results = results;
    }

    /** Starts the round; {@link #done} completes when every answer is in or the timeout passed. */
    static Scrape start(Collection<FunctionRuntime> functions, StatsScraper scraper) {
        Map<ManagedInstance, CompletableFuture<Optional<InstanceStats>>> futures = new HashMap<>();
        for (FunctionRuntime rt : functions) {
            for (ManagedInstance i : rt.instances.unordered()) {
                if (i.state() != ManagedInstance.State.STARTING) {
                    futures.put(i, scraper.scrape(i.handle().host(), i.handle().port()));
                }
            }
        }
        return new Scrape(futures);
    }

    /** Late or failed scrapes count as no data this second. */
    CompletableFuture<Void> done(long timeoutMillis) {
        return CompletableFuture.allOf(results.values().toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, timeoutMillis, TimeUnit.MILLISECONDS).exceptionally(e -> null);
    }

    /**
     * Updates the instances' stats and records the function's second: concurrency of its active instances plus
     * the requests waiting in the activator (they have reached no instance yet).
     */
    void record(FunctionRuntime rt, Instant now, ColdStartRecorder coldStarts) {
        double concurrency = 0;
        double rps = 0;
        for (ManagedInstance i : rt.instances.unordered()) {
            var f = results.get(i);
            if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
                continue;
            }
            InstanceStats s = f.join().orElse(InstanceStats.NONE);
            if (i.stats(s)) {
                coldStarts.startup(rt.name(), i.handle().launch().mode(), i.startRole(), "instance",
                        i.reportedStartupMillis() * 1_000_000);
            }
            if (i.role() == Role.ACTIVE) {
                concurrency += s.averageConcurrency();
                rps += s.requestsPerSecond();
            }
        }
        concurrency += rt.gate.queued();
        rt.concurrency = concurrency;
        rt.rps = rps;
        rt.scaler.record(now, concurrency, rps);
    }
}
