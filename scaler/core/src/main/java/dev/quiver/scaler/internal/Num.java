package dev.quiver.scaler.internal;

/** Short number text for reasons, without String.format's cost (reasons are built every tick). */
public final class Num {
    private Num() {}

    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(Math.round(v * 100) / 100d);
    }
}
