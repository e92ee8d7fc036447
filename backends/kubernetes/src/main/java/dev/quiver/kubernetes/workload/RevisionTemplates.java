package dev.quiver.kubernetes.workload;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.Optional;

/**
 * A revision's kept pod template, as a value: one {@code apps/v1} {@code ControllerRevision} per revision, named
 * like it ({@code <function>-0000N}), owned by the Function, its {@code data} the pod spec and image the revision
 * was made with (what a StatefulSet or DaemonSet keeps for a rollback). A rollback rebuilds the revision's
 * Deployment from it after the Function's spec has moved on.
 */
public final class RevisionTemplates {
    static final String POD_SPEC = "podSpec";
    static final String IMAGE = "image";

    private RevisionTemplates() {}

    /** The kept template of revision {@code name} (number {@code number}): the function's pod spec now. */
    public static ControllerRevision kept(Workload function, String name, long number) {
        String fn = function.function().name();
        return new ControllerRevisionBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(function.function().namespace())
                        .withLabels(Map.of(Labels.REVISION_OF, fn, Labels.MANAGED_BY, Labels.MANAGER))
                        .addToAnnotations(Labels.REVISION, function.revision())
                        .withOwnerReferences(function.owner())
                        .build())
                .withRevision(number)
                .withData(Map.of(
                        POD_SPEC,
                        Serialization.jsonMapper().convertValue(function.podSpec(), Map.class),
                        IMAGE,
                        function.function().image()))
                .build();
    }

    /** The pod spec kept in {@code r}; empty when it holds none. */
    public static Optional<PodSpec> podSpec(ControllerRevision r) {
        Map<?, ?> data = data(r);
        if (data.get(POD_SPEC) == null) {
            return Optional.empty();
        }
        return Optional.of(Serialization.jsonMapper().convertValue(data.get(POD_SPEC), PodSpec.class));
    }

    /** The image kept in {@code r}, or {@code fallback}. */
    public static String image(ControllerRevision r, String fallback) {
        return data(r).get(IMAGE) instanceof String s ? s : fallback;
    }

    /** {@code data} as a map, whichever type it was read back as (raw JSON, a map, a generic resource). */
    private static Map<?, ?> data(ControllerRevision r) {
        if (r.getData() == null) {
            return Map.of();
        }
        try {
            return Serialization.jsonMapper().convertValue(r.getData(), Map.class);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }
}
