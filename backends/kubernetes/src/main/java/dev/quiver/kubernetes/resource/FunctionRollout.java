package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * {@code status.rollout}: a gradual rollout ({@code spec.rolloutDuration}) in progress, recorded so that a restarted
 * controller resumes it from its start rather than starting it again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FunctionRollout {
    @JsonPropertyDescription("The new latest revision the traffic moves to.")
    private String revisionName;

    @JsonPropertyDescription("When the rollout started (RFC 3339).")
    private String startedAt;

    @JsonPropertyDescription("The traffic applied before the rollout, resolved to revision names.")
    private List<FunctionTraffic> from;

    public static FunctionRollout of(String revision, String startedAt, List<FunctionTraffic> from) {
        FunctionRollout r = new FunctionRollout();
        r.revisionName = revision;
        r.startedAt = startedAt;
        r.from = from;
        return r;
    }

    public String getRevisionName() {
        return revisionName;
    }

    public void setRevisionName(String revisionName) {
        this.revisionName = revisionName;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public List<FunctionTraffic> getFrom() {
        return from;
    }

    public void setFrom(List<FunctionTraffic> from) {
        this.from = from;
    }
}
