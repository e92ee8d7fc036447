package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;

/**
 * What a replica does with a trigger's state read from the store (created, updated or deleted through any replica),
 * given what it runs under that name. Plain decision: no Kafka, no dispatcher.
 */
public enum StoredChange {
    /** Nothing to do: it runs the stored trigger already, or neither runs nor is stored. */
    KEEP,
    /** Stored and not running here: start it. */
    START,
    /** Running here with another spec than the stored one: stop it, start the stored one (same consumer group). */
    REPLACE,
    /** Running here from the store, deleted since: stop it. */
    STOP,
    /** The triggers file defines that name: the file wins, the stored one is ignored. */
    CONFIGURED;

    /**
     * @param running    the document of the trigger running here under that name, null when none
     * @param configured whether the running one comes from the triggers file (configuration, never stored)
     * @param stored     the stored document, null when deleted (a tombstone) or never stored
     */
    public static StoredChange of(TriggerDocument running, boolean configured, TriggerDocument stored) {
        if (running != null && configured) {
            return stored == null ? KEEP : CONFIGURED;
        }
        if (stored == null) {
            return running == null ? KEEP : STOP;
        }
        if (running == null) {
            return START;
        }
        return running.sameTriggerAs(stored) ? KEEP : REPLACE;
    }
}
