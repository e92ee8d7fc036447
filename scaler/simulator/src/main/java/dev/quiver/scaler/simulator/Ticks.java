package dev.quiver.scaler.simulator;

/** Axis ticks at 1, 2 or 5 x 10^k, from 0 to at least the max, about five of them. */
final class Ticks {
    private Ticks() {}

    static double[] nice(double max) {
        double raw = Math.max(max, 1) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        if (step < 1 && max >= 1) {
            step = 1;
        }
        int n = (int) Math.ceil(max / step - 1e-9);
        double[] out = new double[Math.max(1, n) + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = i * step;
        }
        return out;
    }

    static String label(double v) {
        if (v >= 10_000) {
            return (v % 1000 == 0 ? String.valueOf((long) v / 1000) : String.valueOf(v / 1000)) + "k";
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
