package dev.quiver.api.stats;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an instance answers on {@code GET /quiver/stats} (docs/runtime.md): written by the runtime, read by the
 * control plane of either backend. The one definition of the stats contract; field names are the JSON names.
 *
 * @param state the instance's phase ({@code STARTING}, {@code WARMING}, {@code READY}, {@code DRAINING}, ...)
 * @param inFlight requests being processed now
 * @param queued requests admitted but waiting for a slot
 * @param averageConcurrency average of in-flight requests over the window
 * @param requestsPerSecond arrivals per second over the window
 * @param windowSeconds the length of that window
 * @param requestsTotal arrivals since start
 * @param rejectedTotal requests answered 503 because the queue was full
 * @param containerConcurrency the instance's hard limit (0 = unlimited)
 * @param queueDepth how many requests may wait for a slot
 * @param startupMillis JVM start to ready, as the instance measured it (-1 = unknown)
 * @param uptimeMillis time since the JVM started
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatsReport(
        String state,
        int inFlight,
        int queued,
        double averageConcurrency,
        double requestsPerSecond,
        double windowSeconds,
        long requestsTotal,
        long rejectedTotal,
        int containerConcurrency,
        int queueDepth,
        long startupMillis,
        long uptimeMillis) {

    /** The path the runtime serves the report on by default ({@code quiver.stats-path}). */
    public static final String PATH = "/quiver/stats";

    /** A reading for an instance that did not answer. */
    public static final StatsReport NONE = new StatsReport("UNKNOWN", 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0);

    /** Requests the instance holds now, processing or waiting: what concurrency scaling counts. */
    public int load() {
        return inFlight + queued;
    }
}
