package dev.quiver.kubernetes.controller;

import java.util.Locale;

/** {@code quiver.kubernetes.role}: what the quiver-kubernetes image runs as. */
public enum Role {
    /** Reconciles Functions, Triggers and Brokers and runs the scalers. */
    CONTROLLER,
    /** Holds requests for functions at zero and forwards them to ready instances. */
    ACTIVATOR;

    public static final String KEY = "quiver.kubernetes.role";

    public static Role of(String value) {
        for (Role r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(value == null ? null : value.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException(KEY + " must be controller or activator, but was '" + value + "'");
    }
}
