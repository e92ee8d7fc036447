package dev.quiver.broker.store;

import java.util.function.BiPredicate;

/**
 * What a replica does with a document read from a store (created, updated or deleted through any replica), given
 * what it runs under that key: the one decision for triggers, sources, sinks and brokers. Plain: no Kafka.
 */
public enum StoredChange {
    /** Nothing to do: it runs the stored document already, or neither runs nor is stored. */
    KEEP,
    /** Stored and not running here: start it. */
    START,
    /** Running here with another document than the stored one: stop it, start the stored one. */
    REPLACE,
    /** Running here from the store, deleted since: stop it. */
    STOP,
    /** Configuration (a file, a config key) defines that key: configuration wins, the stored one is ignored. */
    CONFIGURED;

    /**
     * @param running    the document running here under that key, null when none
     * @param configured whether the running one comes from configuration (never stored, never stopped by the store)
     * @param stored     the stored document, null when deleted (a tombstone) or never stored
     * @param same       whether two documents run the same way (status and other answers-only fields ignored)
     */
    public static <T> StoredChange of(T running, boolean configured, T stored, BiPredicate<T, T> same) {
        if (running != null && configured) {
            return stored == null ? KEEP : CONFIGURED;
        }
        if (stored == null) {
            return running == null ? KEEP : STOP;
        }
        if (running == null) {
            return START;
        }
        return same.test(running, stored) ? KEEP : REPLACE;
    }
}
