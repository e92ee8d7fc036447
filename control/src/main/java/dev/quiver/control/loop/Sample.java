package dev.quiver.control.loop;

/** One scrape interval of a function's history: for status, the demo's checks and the report. */
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
