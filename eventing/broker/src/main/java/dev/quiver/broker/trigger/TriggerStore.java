package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;
import java.util.Map;

/** Where accepted triggers are kept across restarts. Writes return once the store acknowledged them. */
public interface TriggerStore {

    /** Every stored trigger by name, as of now (a full read). */
    Map<String, TriggerDocument> readAll();

    /**
     * Hands the whole store to {@link StoreListener#snapshot} before returning, then every later write (through any
     * replica) to {@link StoreListener#changed}, on a thread of its own, until closed.
     *
     * @throws IllegalStateException when the store cannot be read within the startup timeout
     */
    AutoCloseable follow(StoreListener listener);

    /** Stores (or replaces) a trigger; returns once acknowledged, throws otherwise. */
    void put(String name, TriggerDocument document);

    /** Removes a trigger; returns once acknowledged, throws otherwise. */
    void delete(String name);
}
