package dev.quiver.local.supervise;

import java.time.Duration;
import java.time.Instant;

/**
 * When a supervised process that was not asked to stop exits, whether and when to start it again: exponential
 * backoff from {@code initialBackoff}, doubling per consecutive crash up to {@code maxBackoff}; a process that ran
 * at least {@code resetAfter} counts as healthy again (its crash count starts over); after {@code maxRestarts}
 * consecutive crashes the supervisor gives up (0 = never). A pure decision: the caller passes the times.
 */
public record RestartPolicy(Duration initialBackoff, Duration maxBackoff, int maxRestarts, Duration resetAfter) {

    /** What to do after an exit. */
    public sealed interface Decision permits Restart, GiveUp {}

    /** Start it again after {@code delay}; this is consecutive crash number {@code attempt}. */
    public record Restart(int attempt, Duration delay) implements Decision {}

    /** Leave it stopped. */
    public record GiveUp(int crashes, String reason) implements Decision {}

    /**
     * @param consecutiveCrashes crashes in a row before this one (each followed by a restart)
     * @param started when the process that just exited was started
     * @param exited when it exited
     */
    public Decision afterExit(int consecutiveCrashes, Instant started, Instant exited) {
        boolean ranLongEnough = Duration.between(started, exited).compareTo(resetAfter) >= 0;
        int attempt = (ranLongEnough ? 0 : consecutiveCrashes) + 1;
        if (maxRestarts > 0 && attempt > maxRestarts) {
            return new GiveUp(
                    attempt,
                    attempt + " crashes in a row, each within " + resetAfter.toSeconds()
                            + " s of its start (max-restarts " + maxRestarts + ")");
        }
        return new Restart(attempt, backoff(attempt));
    }

    Duration backoff(int attempt) {
        Duration d = initialBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
