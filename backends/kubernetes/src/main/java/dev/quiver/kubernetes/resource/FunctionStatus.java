package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;

/** {@code status} of a {@link Function}: conditions Ready, ScaledToZero, Failed; instance counts; URL; mode. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FunctionStatus extends ResourceStatus {
    @JsonPropertyDescription("Active instances the scaler wants.")
    @PrinterColumn(name = "Desired")
    private Integer desired;

    @JsonPropertyDescription("Active instances ready to take traffic.")
    @PrinterColumn(name = "Ready-Instances")
    private Integer ready;

    @JsonPropertyDescription("Ready instances in the warm pool, kept out of traffic.")
    @PrinterColumn(name = "Warm")
    private Integer warm;

    @JsonPropertyDescription("serve: the Service routes to the pods; proxy: through the activator.")
    @PrinterColumn(name = "Mode")
    private String mode;

    @JsonPropertyDescription("In-cluster URL of the function's Service.")
    private String url;

    @JsonPropertyDescription("The function's revisions (pod templates it has had), oldest first.")
    private java.util.List<FunctionRevision> revisions;

    @JsonPropertyDescription("The traffic applied now, resolved to revision names.")
    private java.util.List<FunctionTraffic> traffic;

    @JsonPropertyDescription("A gradual rollout (spec.rolloutDuration) in progress: absent when none.")
    // written as null when none: the status is a merge patch, where a missing key would keep a finished rollout
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private FunctionRollout rollout;

    @JsonPropertyDescription("The latest revision.")
    @PrinterColumn(name = "Revision")
    private String latestRevision;

    public java.util.List<FunctionRevision> getRevisions() {
        return revisions;
    }

    public void setRevisions(java.util.List<FunctionRevision> revisions) {
        this.revisions = revisions;
    }

    public java.util.List<FunctionTraffic> getTraffic() {
        return traffic;
    }

    public void setTraffic(java.util.List<FunctionTraffic> traffic) {
        this.traffic = traffic;
    }

    public FunctionRollout getRollout() {
        return rollout;
    }

    public void setRollout(FunctionRollout rollout) {
        this.rollout = rollout;
    }

    public String getLatestRevision() {
        return latestRevision;
    }

    public void setLatestRevision(String latestRevision) {
        this.latestRevision = latestRevision;
    }

    public Integer getDesired() {
        return desired;
    }

    public void setDesired(Integer desired) {
        this.desired = desired;
    }

    public Integer getReady() {
        return ready;
    }

    public void setReady(Integer ready) {
        this.ready = ready;
    }

    public Integer getWarm() {
        return warm;
    }

    public void setWarm(Integer warm) {
        this.warm = warm;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
