package dev.quiver.broker.store;

/** A store did not acknowledge a write: the admin API answers 503 and nothing changes. */
public final class StoreException extends RuntimeException {
    public StoreException(String topic, String key, Throwable cause) {
        super("'" + key + "' could not be stored in Kafka topic " + topic + ": " + cause, cause);
    }
}
