package dev.quiver.broker.delivery;

public enum BackoffPolicy {
    LINEAR,
    EXPONENTIAL
}
