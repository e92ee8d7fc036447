package dev.quiver.broker.sources.store;

/** A compacted-topic store did not acknowledge a write: the admin API answers 503 and nothing changes. */
public final class StoreException extends RuntimeException {
    public StoreException(String topic, String key, Throwable cause) {
        super("'" + key + "' could not be stored in Kafka topic " + topic + ": " + cause, cause);
    }
}
