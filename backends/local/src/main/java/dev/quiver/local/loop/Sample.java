package dev.quiver.local.loop;

/**
 * One second of a function's history as the control API and the report show it: the control loop's
 * {@link dev.quiver.control.loop.Sample}, field for field (kept here while the report reads this type).
 */
public record Sample(
        long epochMillis,
        int ready,
        int warm,
        int desired,
        double concurrency,
        double rps,
        long lag,
        int queued,
        boolean panicking,
        String mode) {}
