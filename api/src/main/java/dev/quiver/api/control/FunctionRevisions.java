package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.quiver.api.traffic.TrafficEntry;
import java.util.List;

/**
 * A function's revisions (oldest first) and its traffic as set ({@code latestRevision} unresolved): the answer of
 * {@code GET /v1/functions/{name}/revisions} and {@code PUT /v1/functions/{name}/traffic}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionRevisions(String function, List<RevisionStatus> revisions, List<TrafficEntry> traffic) {
    public FunctionRevisions {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        traffic = traffic == null ? List.of() : List.copyOf(traffic);
    }
}
