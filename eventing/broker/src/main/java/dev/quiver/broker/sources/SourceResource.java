package dev.quiver.broker.sources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A PingSource, KafkaSource or KafkaSink document as Knative writes it: the spec is kept as written (what is
 * stored and answered), each kind's parser reads its fields from it; status is the broker's, never stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceResource(String apiVersion, String kind, Metadata metadata, ObjectNode spec, Status status) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
        public String namespaceOrDefault() {
            return namespace == null || namespace.isBlank() ? "default" : namespace;
        }
    }

    /** Knative's status: conditions (Ready), the resolved sink and, for a KafkaSink, its address. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(List<Condition> conditions, String sinkUri, Address address) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String type, String status, String reason, String message, String lastTransitionTime) {
        public static Condition ready(boolean ready, String reason, String message, String since) {
            return new Condition("Ready", ready ? "True" : "False", reason, message, since);
        }
    }

    public record Address(String url) {}

    public String name() {
        return metadata.name();
    }

    public SourceResource withStatus(Status s) {
        return new SourceResource(apiVersion, kind, metadata, spec, s);
    }

    /** What decides whether a running source must restart: everything but the status. */
    public SourceResource desired() {
        return withStatus(null);
    }
}
