package dev.quiver.control.loop;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.observe.stats.StatsSource;
import dev.quiver.scaler.lag.PartitionOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One observation round of one function, started off the loop thread's critical path: the stats of its ready
 * instances and, when it decides this round, its consumer lag. Late or failed readings count as no data.
 */
final class Round {
    final FunctionState function;
    final boolean decides;
    /** The instances as they were when the round started: the readings are theirs. */
    final List<InstanceView> instances;

    private final Map<String, CompletableFuture<Optional<StatsReport>>> stats;
    private final CompletableFuture<Optional<List<PartitionOffsets>>> lag;

    private Round(
            FunctionState function,
            boolean decides,
            List<InstanceView> instances,
            Map<String, CompletableFuture<Optional<StatsReport>>> stats,
            CompletableFuture<Optional<List<PartitionOffsets>>> lag) {
        this.function = function;
        this.decides = decides;
        this.instances = List.copyOf(instances);
        this.stats = stats;
        this.lag = lag;
    }

    static Round start(
            FunctionState f, List<InstanceView> instances, boolean decides, StatsSource source, LagReader lagReader) {
        Map<String, CompletableFuture<Optional<StatsReport>>> stats = new HashMap<>();
        for (InstanceView i : instances) {
            if (i.state() != InstanceView.State.STARTING && i.host() != null) {
                stats.put(i.id(), source.read(i.host(), i.port()));
            }
        }
        CompletableFuture<Optional<List<PartitionOffsets>>> lag = decides
                ? f.function
                        .kafka()
                        .map(k -> lagReader.read(k.topic(), k.group()))
                        .orElse(CompletableFuture.completedFuture(Optional.empty()))
                : CompletableFuture.completedFuture(Optional.empty());
        return new Round(f, decides, instances, stats, lag);
    }

    /** Completes when every reading is in or {@code timeout} passed. */
    CompletableFuture<Void> done(Duration timeout) {
        List<CompletableFuture<?>> all = new ArrayList<>(stats.values());
        all.add(lag);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> null);
    }

    /** The readings that arrived, by instance id. */
    Map<String, StatsReport> stats() {
        Map<String, StatsReport> out = new HashMap<>();
        stats.forEach((id, f) -> {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                f.join().ifPresent(s -> out.put(id, s));
            }
        });
        return out;
    }

    /** The offsets, or null when not read (not deciding, no Kafka trigger, not readable, late). */
    List<PartitionOffsets> offsets() {
        return lag.isDone() && !lag.isCompletedExceptionally() ? lag.join().orElse(null) : null;
    }
}
