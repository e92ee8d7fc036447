package dev.quiver.scaler.traffic;

import java.util.Objects;

/**
 * One resolved entry of a function's traffic: a concrete revision, its share of requests and an optional tag (its own
 * route). Knative's {@code TrafficTarget} after {@code latestRevision: true} was resolved to a revision name.
 *
 * @param revision the revision's name, {@code <function>-0000N}
 * @param percent  its share of the function's requests, 0..100
 * @param tag      a name for its own route ({@code /f/<fn>@<tag>/}), null when none
 */
public record TrafficTarget(String revision, int percent, String tag) {
    public TrafficTarget {
        Objects.requireNonNull(revision, "revision");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100, was " + percent);
        }
        if (tag != null && tag.isBlank()) {
            tag = null;
        }
    }

    /** Serves requests: a share of the function's or a route of its own. */
    public boolean serving() {
        return percent > 0 || tag != null;
    }
}
