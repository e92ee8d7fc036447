package dev.quiver.scaler.spec;

/** The signals a function is scaled on. */
public enum Trigger {
    /** Pushed CloudEvents over HTTP: concurrency (KPA) scaling. */
    HTTP,
    /** A Kafka topic trigger: consumer-group lag scaling. */
    KAFKA
}
