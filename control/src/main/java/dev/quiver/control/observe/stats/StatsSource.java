package dev.quiver.control.observe.stats;

import dev.quiver.api.stats.StatsReport;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where instances' stats come from: HTTP in both backends ({@link StatsObserver}), a fake in tests. */
public interface StatsSource {
    StatsSource NONE = (host, port) -> CompletableFuture.completedFuture(Optional.empty());

    /**
     * Reads one instance's report without blocking the caller.
     *
     * @return completes with the report, or empty when the instance did not answer in time or answered badly;
     *     never completes exceptionally
     */
    CompletableFuture<Optional<StatsReport>> read(String host, int port);
}
