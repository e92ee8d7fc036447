package dev.quiver.scaler.kpa;

import java.time.Duration;
import java.time.Instant;

/**
 * Scale to zero only after the stable window saw no traffic (the caller checks) and then max(grace, retention)
 * passed; meanwhile one instance is kept and the activator is put in the request path. The grace only starts once
 * the function was up for a full stable window (Knative's "active for" check), so a new idle function also keeps
 * its instance for stable window + grace.
 */
final class ZeroGrace {
    private final Instant createdAt;
    private Instant idleSince;

    ZeroGrace(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** Called when a tick wants more than zero: the idle clock restarts. */
    void busy() {
        idleSince = null;
    }

    /** Time still to wait before zero is allowed, or {@link Duration#ZERO}. */
    Duration remaining(Instant now, Duration stableWindow, Duration hold) {
        if (idleSince == null) {
            idleSince = now;
        }
        Instant start = idleSince;
        Instant oldEnough = createdAt.plus(stableWindow);
        if (oldEnough.isAfter(start)) {
            start = oldEnough;
        }
        Instant allowed = start.plus(hold);
        return now.isBefore(allowed) ? Duration.between(now, allowed) : Duration.ZERO;
    }
}
