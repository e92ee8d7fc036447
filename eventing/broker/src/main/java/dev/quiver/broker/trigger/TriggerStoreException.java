package dev.quiver.broker.trigger;

/** The trigger store did not acknowledge a write: the admin API answers 503 and the change is not applied. */
public final class TriggerStoreException extends RuntimeException {
    public TriggerStoreException(String name, Throwable cause) {
        super("trigger '" + name + "' could not be stored in Kafka: " + cause, cause);
    }
}
