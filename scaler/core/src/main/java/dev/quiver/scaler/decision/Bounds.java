package dev.quiver.scaler.decision;

import dev.quiver.scaler.spec.ScaleSpec;
import java.util.List;

/**
 * What Knative applies after the autoscaler: initial scale until first reached, activation scale, min and max.
 * Stateful only in whether initial scale was reached.
 */
final class Bounds {
    private final ScaleSpec spec;
    private boolean initialReached;

    Bounds(ScaleSpec spec) {
        this.spec = spec;
        this.initialReached = spec.initialScale() == 0;
    }

    int apply(int desired, int readyActive, List<String> reasons) {
        if (!initialReached && readyActive >= spec.initialScale()) {
            initialReached = true;
        }
        int d = desired;
        if (!initialReached && d < spec.initialScale()) {
            d = spec.initialScale();
            reasons.add("initial scale " + d + " not reached yet");
        }
        if (d > 0 && d < spec.activationScale()) {
            d = spec.activationScale();
            reasons.add("activation scale " + d);
        }
        if (d < spec.minScale()) {
            d = spec.minScale();
            reasons.add("min scale " + d);
        }
        if (spec.maxScale() > 0 && d > spec.maxScale()) {
            d = spec.maxScale();
            reasons.add("max scale " + d);
        }
        return d;
    }
}
