package dev.quiver.kubernetes.controller;

import dev.quiver.kubernetes.controller.Conditions.Wanted;
import java.util.List;

/**
 * The conditions of a Function from its instance counts (pure).
 *
 * @param desired active instances wanted
 * @param ready   ready active instances
 * @param warm    ready warm-pool instances
 */
public record FunctionHealth(int desired, int ready, int warm) {

    public List<Wanted> conditions() {
        boolean zero = desired == 0 && ready == 0;
        Wanted failed = new Wanted(Conditions.FAILED, false, "Valid", "");
        Wanted scaledToZero = new Wanted(
                Conditions.SCALED_TO_ZERO,
                zero,
                zero ? "NoTraffic" : "Active",
                zero
                        ? "no active instance; the activator holds requests while one starts (" + warm + " warm)"
                        : ready + " of " + desired + " active instance(s) ready");
        Wanted readyCond;
        if (zero) {
            readyCond = new Wanted(Conditions.READY, true, "ScaledToZero", "ready to serve through the activator");
        } else if (ready > 0) {
            readyCond = new Wanted(Conditions.READY, true, "Serving", ready + " instance(s) ready");
        } else {
            readyCond = new Wanted(Conditions.READY, false, "Starting", "0 of " + desired + " instance(s) ready yet");
        }
        return List.of(readyCond, scaledToZero, failed);
    }

    /** A Function whose spec is invalid: Failed names the field(s). */
    public static List<Wanted> invalid(String message) {
        return List.of(
                new Wanted(Conditions.READY, false, "InvalidSpec", message),
                new Wanted(Conditions.FAILED, true, "InvalidSpec", message));
    }
}
