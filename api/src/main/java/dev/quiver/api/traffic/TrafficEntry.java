package dev.quiver.api.traffic;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a function's {@code traffic:}, in Knative's shape: a revision by name or the latest one, a share and
 * an optional tag. The same record in a local spec, the Kubernetes {@code Function} resource, the control API and the
 * CLI.
 *
 * @param revisionName   a revision, {@code <function>-0000N}; null when {@code latestRevision}
 * @param latestRevision the latest revision, whichever it is when applied
 * @param percent        its share of requests, 0..100 (the entries add up to 100)
 * @param tag            its own route: {@code /f/<function>@<tag>/}, {@code <tag>-<function>.<domain>}; null: none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficEntry(String revisionName, Boolean latestRevision, int percent, String tag) {

    public static TrafficEntry latest(int percent) {
        return new TrafficEntry(null, true, percent, null);
    }

    public static TrafficEntry revision(String name, int percent) {
        return new TrafficEntry(name, null, percent, null);
    }

    public TrafficEntry withTag(String t) {
        return new TrafficEntry(revisionName, latestRevision, percent, t);
    }

    public boolean latest() {
        return Boolean.TRUE.equals(latestRevision);
    }
}
