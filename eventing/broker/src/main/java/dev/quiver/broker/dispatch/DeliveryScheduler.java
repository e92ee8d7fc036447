package dev.quiver.broker.dispatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which polled records to deliver now and which offsets may be committed. Pure, single-threaded (the consumer's
 * thread). Ordered: per partition, the next record starts only after the previous one is done. Unordered: up to
 * {@code maxInFlight} records at once across partitions. A partition's commit offset never passes a record that is
 * not yet delivered or dead-lettered (at-least-once).
 *
 * @param <P> partition
 * @param <T> record
 */
public final class DeliveryScheduler<P, T> {

    public record Work<P, T>(P partition, long offset, T item) {}

    private static final class PartitionState<T> {
        final ArrayDeque<Map.Entry<Long, T>> waiting = new ArrayDeque<>();
        final TreeSet<Long> inFlight = new TreeSet<>();
        long nextOffset = -1;
        long committed = -1;

        long commitPosition() {
            long lowestPending = Long.MAX_VALUE;
            if (!inFlight.isEmpty()) {
                lowestPending = inFlight.first();
            }
            if (!waiting.isEmpty()) {
                lowestPending = Math.min(lowestPending, waiting.peekFirst().getKey());
            }
            return lowestPending == Long.MAX_VALUE ? nextOffset : lowestPending;
        }
    }

    private final boolean ordered;
    private final int maxInFlight;
    private final Map<P, PartitionState<T>> partitions = new LinkedHashMap<>();
    private int inFlight;
    private int waiting;

    public DeliveryScheduler(boolean ordered, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
        }
        this.ordered = ordered;
        this.maxInFlight = maxInFlight;
    }

    /** A polled record that must be delivered. */
    public void add(P partition, long offset, T item) {
        PartitionState<T> s = state(partition, offset);
        s.waiting.addLast(Map.entry(offset, item));
        waiting++;
    }

    /** A polled record that needs no delivery (filtered out). */
    public void skip(P partition, long offset) {
        state(partition, offset);
    }

    private PartitionState<T> state(P partition, long offset) {
        PartitionState<T> s = partitions.computeIfAbsent(partition, p -> {
            PartitionState<T> fresh = new PartitionState<>();
            fresh.committed = offset; // where reading started: committing it would change nothing
            return fresh;
        });
        s.nextOffset = Math.max(s.nextOffset, offset + 1);
        return s;
    }

    /** The records to start delivering now; they count as in flight until {@link #complete}. */
    public List<Work<P, T>> start() {
        List<Work<P, T>> started = new ArrayList<>();
        boolean progress = true;
        while (progress && (ordered || inFlight < maxInFlight)) {
            progress = false;
            for (Map.Entry<P, PartitionState<T>> e : partitions.entrySet()) {
                PartitionState<T> s = e.getValue();
                if (s.waiting.isEmpty()
                        || (ordered && !s.inFlight.isEmpty())
                        || (!ordered && inFlight >= maxInFlight)) {
                    continue;
                }
                Map.Entry<Long, T> next = s.waiting.pollFirst();
                s.inFlight.add(next.getKey());
                waiting--;
                inFlight++;
                started.add(new Work<>(e.getKey(), next.getKey(), next.getValue()));
                progress = true;
            }
        }
        return started;
    }

    /** A record was delivered or dead-lettered. Unknown (e.g. revoked) records are ignored. */
    public void complete(P partition, long offset) {
        PartitionState<T> s = partitions.get(partition);
        if (s != null && s.inFlight.remove(offset)) {
            inFlight--;
        }
    }

    /** Offsets to commit (the next offset to read) for partitions that moved since the last {@link #committed}. */
    public Map<P, Long> commitOffsets() {
        Map<P, Long> commits = new HashMap<>();
        partitions.forEach((p, s) -> {
            long position = s.commitPosition();
            if (position > s.committed) {
                commits.put(p, position);
            }
        });
        return commits;
    }

    /** Records that these offsets were committed (or that a commit of them is under way). */
    public void committed(Map<P, Long> offsets) {
        offsets.forEach((p, offset) -> {
            PartitionState<T> s = partitions.get(p);
            if (s != null) {
                s.committed = Math.max(s.committed, offset);
            }
        });
    }

    /** Partitions taken away by a rebalance: forget them (their unfinished records will be read again). */
    public void revoke(Collection<P> revoked) {
        for (P p : revoked) {
            PartitionState<T> s = partitions.remove(p);
            if (s != null) {
                waiting -= s.waiting.size();
                inFlight -= s.inFlight.size();
            }
        }
    }

    public int waiting() {
        return waiting;
    }

    public int inFlight() {
        return inFlight;
    }
}
