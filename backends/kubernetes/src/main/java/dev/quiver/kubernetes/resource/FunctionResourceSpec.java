package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} of a {@link Function}. Same keys as a local function file ({@code functions-examples/specs/*.yaml}),
 * except {@code image} replaces {@code artifact}. {@code scale} and {@code triggers.kafka.lag} hold scaler-core's keys
 * (docs/scaler.md) and are validated by its {@code SpecReader}, so the two descriptions cannot disagree.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class FunctionResourceSpec {
    @Required
    @JsonPropertyDescription("Container image of the function app (JVM or native).")
    private String image;

    @JsonPropertyDescription("Extra JVM options (JAVA_OPTS_APPEND); ignored by native images.")
    private List<String> jvmOptions;

    @JsonPropertyDescription("Quarkus/MicroProfile config properties, passed as environment variables.")
    private Map<String, String> properties;

    @JsonPropertyDescription("Environment variables of the instances.")
    private Map<String, String> env;

    @PreserveUnknownFields
    @SchemaFrom(type = OpenObject.class)
    @JsonPropertyDescription(
            "Scaling settings: scaler-core keys (target, minScale, maxScale, warmPool, ...), see docs/scaler.md.")
    private Map<String, Object> scale;

    @JsonPropertyDescription("How events reach the function: http, broker and/or kafka.")
    private FunctionTriggers triggers;

    @JsonPropertyDescription("How requests split over the function's revisions (Knative's traffic block); default: "
            + "100 % to the latest revision. docs/revisions.md.")
    private List<FunctionTraffic> traffic;

    @JsonPropertyDescription("Moves a new latest revision's share to it in steps over this duration (e.g. 5m).")
    private String rolloutDuration;

    public List<FunctionTraffic> getTraffic() {
        return traffic;
    }

    public void setTraffic(List<FunctionTraffic> traffic) {
        this.traffic = traffic;
    }

    public String getRolloutDuration() {
        return rolloutDuration;
    }

    public void setRolloutDuration(String rolloutDuration) {
        this.rolloutDuration = rolloutDuration;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public List<String> getJvmOptions() {
        return jvmOptions;
    }

    public void setJvmOptions(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    public Map<String, String> getEnv() {
        return env;
    }

    public void setEnv(Map<String, String> env) {
        this.env = env;
    }

    public Map<String, Object> getScale() {
        return scale;
    }

    public void setScale(Map<String, Object> scale) {
        this.scale = scale;
    }

    public FunctionTriggers getTriggers() {
        return triggers;
    }

    public void setTriggers(FunctionTriggers triggers) {
        this.triggers = triggers;
    }
}
