package dev.quiver.scaler.decision;

/** Whether the activator stays in the request path. */
public enum Mode {
    /** Requests go straight to the instances. */
    SERVE,
    /** Requests go through the activator, which buffers them (at zero, or without enough burst capacity). */
    PROXY;

    public String key() {
        return name().toLowerCase();
    }
}
