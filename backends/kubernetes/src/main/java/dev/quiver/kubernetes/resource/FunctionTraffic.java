package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.quiver.api.traffic.TrafficEntry;

/**
 * One entry of {@code spec.traffic} (Knative's shape, the shared {@link TrafficEntry}) and of {@code status.traffic}
 * (resolved: always a {@code revisionName}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FunctionTraffic {
    @JsonPropertyDescription("A revision, <function>-0000N.")
    private String revisionName;

    @JsonPropertyDescription("The latest revision, whichever it is.")
    private Boolean latestRevision;

    @JsonPropertyDescription("Its share of the requests, 0..100; the entries add up to 100.")
    private Integer percent;

    @JsonPropertyDescription("A route of its own for the revision.")
    private String tag;

    public static FunctionTraffic of(String revision, int percent, String tag) {
        FunctionTraffic t = new FunctionTraffic();
        t.revisionName = revision;
        t.percent = percent;
        t.tag = tag;
        return t;
    }

    public TrafficEntry entry() {
        return new TrafficEntry(revisionName, latestRevision, percent == null ? 0 : percent, tag);
    }

    public String getRevisionName() {
        return revisionName;
    }

    public void setRevisionName(String revisionName) {
        this.revisionName = revisionName;
    }

    public Boolean getLatestRevision() {
        return latestRevision;
    }

    public void setLatestRevision(Boolean latestRevision) {
        this.latestRevision = latestRevision;
    }

    public Integer getPercent() {
        return percent;
    }

    public void setPercent(Integer percent) {
        this.percent = percent;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }
}
