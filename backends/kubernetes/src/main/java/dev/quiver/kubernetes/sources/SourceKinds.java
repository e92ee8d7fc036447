package dev.quiver.kubernetes.sources;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The Knative kinds this package reconciles, as deploy/overlays/knative-eventing-api/sources-crds.yaml defines them. */
public enum SourceKinds {
    PING_SOURCE("sources.knative.dev", "v1", "PingSource", "pingsources"),
    KAFKA_SOURCE("sources.knative.dev", "v1beta1", "KafkaSource", "kafkasources"),
    KAFKA_SINK("eventing.knative.dev", "v1alpha1", "KafkaSink", "kafkasinks");

    private final String group;
    private final String version;
    private final String kind;
    private final String plural;

    SourceKinds(String group, String version, String kind, String plural) {
        this.group = group;
        this.version = version;
        this.kind = kind;
        this.plural = plural;
    }

    public String kind() {
        return kind;
    }

    /** The broker admin API's path segment too: {@code /admin/v1/<plural>}. */
    public String plural() {
        return plural;
    }

    public String crdName() {
        return plural + "." + group;
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }
}
