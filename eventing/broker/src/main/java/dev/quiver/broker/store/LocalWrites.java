package dev.quiver.broker.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offsets of the writes this replica made itself (and applied at once). Its follower skips the older records of
 * those keys it reads afterwards (they would undo the newer state for a moment), and reads a snapshot at least up to
 * them. Plain bookkeeping: no Kafka.
 */
final class LocalWrites {

    /** For a full read: the latest record of each key wins, none is skipped. */
    static final LocalWrites NONE = new LocalWrites();

    private final Map<String, Long> byKey = new ConcurrentHashMap<>();
    private final Map<Integer, Long> byPartition = new ConcurrentHashMap<>();

    void wrote(String key, int partition, long offset) {
        byKey.merge(key, offset, Math::max);
        byPartition.merge(partition, offset, Math::max);
    }

    /** Whether a record read from the topic is older than this replica's own later write of that key. */
    boolean superseded(String key, long offset) {
        Long mine = byKey.get(key);
        return mine != null && offset < mine;
    }

    /** Where a snapshot of {@code partition} must read to at least: past this replica's last write there. */
    long readTo(int partition, long end) {
        Long mine = byPartition.get(partition);
        return mine == null ? end : Math.max(end, mine + 1);
    }
}
