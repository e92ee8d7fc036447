package dev.quiver.scaler.spec;

/** What the concurrency scaler averages: in-flight requests or requests per second. */
public enum Metric {
    CONCURRENCY(100),
    RPS(200);

    private final double defaultTarget;

    Metric(double defaultTarget) {
        this.defaultTarget = defaultTarget;
    }

    public double defaultTarget() {
        return defaultTarget;
    }

    public String key() {
        return name().toLowerCase();
    }
}
