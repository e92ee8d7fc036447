package dev.quiver.broker.sources;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Knative source and sink kinds the broker runs, with the API versions it accepts and its admin path. */
public enum SourceKind {
    PING_SOURCE("PingSource", "pingsources", List.of("sources.knative.dev/v1", "sources.knative.dev/v1beta2")),
    KAFKA_SOURCE("KafkaSource", "kafkasources", List.of("sources.knative.dev/v1beta1", "sources.knative.dev/v1")),
    KAFKA_SINK("KafkaSink", "kafkasinks", List.of("eventing.knative.dev/v1alpha1"));

    private final String kind;
    private final String plural;
    private final List<String> apiVersions;

    SourceKind(String kind, String plural, List<String> apiVersions) {
        this.kind = kind;
        this.plural = plural;
        this.apiVersions = apiVersions;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    /** The version written back in answers (Knative's storage version). */
    public String apiVersion() {
        return apiVersions.get(0);
    }

    public List<String> apiVersions() {
        return apiVersions;
    }

    public static Optional<SourceKind> byPlural(String plural) {
        return Arrays.stream(values()).filter(k -> k.plural.equals(plural)).findFirst();
    }

    public static Optional<SourceKind> byKind(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }
}
