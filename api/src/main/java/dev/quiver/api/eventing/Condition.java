package dev.quiver.api.eventing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Knative's status condition ({@code knative.dev/pkg/apis.Condition}) as {@code kn} and {@code kubectl wait} read it:
 * {@code type} (here {@code Ready}), {@code status} {@code "True"}/{@code "False"}/{@code "Unknown"}, and when not
 * ready a CamelCase {@code reason} and a human {@code message}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Condition(String type, String status, String reason, String message) {
    public static final String READY = "Ready";

    /** The one {@code Ready} condition: True, or False with the reason and the message. */
    public static List<Condition> ready(boolean ready, String reason, String message) {
        return List.of(
                ready
                        ? new Condition(READY, "True", null, null)
                        : new Condition(READY, "False", reason == null ? "NotReady" : reason, message));
    }

    @JsonIgnore
    public boolean isTrue() {
        return "True".equals(status);
    }
}
