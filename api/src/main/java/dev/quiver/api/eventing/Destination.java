package dev.quiver.api.eventing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Knative's duck-typed {@code Destination} (a trigger's {@code subscriber}, a dead-letter sink, a source's
 * {@code sink}): a reference to an addressable object, a URI, or both (then the URI is resolved against the
 * reference's address). Shared by the broker, the local platform and the Kubernetes controller so every reader of
 * Knative documents reads one shape.
 *
 * @param ref an object reference ({@code apiVersion}, {@code kind}, {@code name}, {@code namespace}); may be null
 * @param uri an absolute URI, or relative to {@code ref}'s address; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Destination(KReference ref, String uri) {
    public static Destination ofUri(String uri) {
        return new Destination(null, uri);
    }

    public static Destination ofRef(KReference ref) {
        return new Destination(ref, null);
    }

    /** Whether neither a reference nor a URI is given. */
    @JsonIgnore
    public boolean isEmpty() {
        return ref == null && (uri == null || uri.isBlank());
    }

    /**
     * Knative's {@code KReference}.
     *
     * @param namespace null means the namespace of the object that holds the reference
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KReference(String apiVersion, String kind, String name, String namespace) {
        public static KReference of(String apiVersion, String kind, String name) {
            return new KReference(apiVersion, kind, name, null);
        }
    }
}
