package dev.quiver.api.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.quiver.api.traffic.TrafficEntry;
import java.util.List;

/**
 * The body of {@code PUT /v1/functions/{name}/traffic}: the function's whole new traffic, applied at once (no
 * rollout); a 400 {@link DeployRejection} names what is wrong (sum, unknown revision, duplicate tag).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrafficRequest(List<TrafficEntry> traffic) {
    public TrafficRequest {
        traffic = traffic == null ? List.of() : List.copyOf(traffic);
    }
}
