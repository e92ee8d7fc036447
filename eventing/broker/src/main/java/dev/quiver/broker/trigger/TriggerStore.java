package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;
import java.util.Map;

/** Where accepted triggers are kept across restarts. Writes return once the store acknowledged them. */
public interface TriggerStore {

    /** Every stored trigger by name, as of now (a full read). */
    Map<String, TriggerDocument> readAll();

    /** Stores (or replaces) a trigger; returns once acknowledged, throws otherwise. */
    void put(String name, TriggerDocument document);

    /** Removes a trigger; returns once acknowledged, throws otherwise. */
    void delete(String name);
}
