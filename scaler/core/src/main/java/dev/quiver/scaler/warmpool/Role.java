package dev.quiver.scaler.warmpool;

/** Where an instance stands: serving traffic, or pre-started and kept out of traffic in the warm pool. */
public enum Role {
    ACTIVE,
    POOL
}
