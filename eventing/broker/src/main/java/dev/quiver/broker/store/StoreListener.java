package dev.quiver.broker.store;

import java.util.Map;

/** Receives a store's contents as they change, from whichever replica wrote them. */
public interface StoreListener<T> {

    /**
     * The whole store as of now (the first read, and again after the follower had to start over): every key not in
     * it is no longer stored.
     */
    void snapshot(Map<String, T> stored);

    /** Keys written since the last call, each with its latest document; null for a deleted one. */
    void changed(Map<String, T> changes);
}
