package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;
import java.util.Map;

/** Receives the triggers store's contents as they change, from whichever replica wrote them. */
public interface StoreListener {

    /**
     * The whole store as of now (the first read, and again after the follower had to start over): every name not in
     * it is no longer stored.
     */
    void snapshot(Map<String, TriggerDocument> stored);

    /** Names written since the last call, each with its latest document; null for a deleted one. */
    void changed(Map<String, TriggerDocument> changes);
}
