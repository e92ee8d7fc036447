package dev.quiver.local.registry.revision;

import dev.quiver.api.function.FunctionDocument;
import dev.quiver.api.function.FunctionDocumentReader;
import dev.quiver.api.traffic.TrafficEntry;
import dev.quiver.api.traffic.TrafficRules;
import dev.quiver.local.launch.Archive;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.LaunchOverride;
import dev.quiver.scaler.spec.Violation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a revision runs and how a spec routes: read from the spec texts the revisions and functions keep. */
public final class RevisionConfig {
    private RevisionConfig() {}

    /**
     * The definition a revision's instances start from: the revision's own code copy and configuration (from the
     * spec it was made from), under the revision's name; scaling is the function's current one.
     */
    public static FunctionDefinition definition(FunctionDefinition current, Revision r, Path artifact) {
        FunctionDocument d = FunctionDocumentReader.readYaml(r.spec());
        FunctionDocument.Jvm jvm = d.jvm();
        LaunchOverride launch = jvm.equals(FunctionDocument.Jvm.NONE)
                ? LaunchOverride.NONE
                : new LaunchOverride(jvm.java(), jvm.archive().flatMap(Archive::parse));
        return new FunctionDefinition(
                r.name(),
                artifact,
                d.jvmOptions(),
                d.properties(),
                d.env(),
                launch,
                current.scaling(),
                Optional.empty(),
                d.triggers().kafka().map(k -> new FunctionDefinition.KafkaTrigger(k.topic(), k.group())),
                r.spec());
    }

    /** The spec's {@code traffic:} (default: 100 % latest) and {@code rolloutDuration}. */
    public static TrafficState traffic(String spec) {
        Map<String, Object> tree = FunctionDocumentReader.parseYaml(spec);
        List<Violation> errors = new ArrayList<>();
        List<TrafficEntry> traffic = TrafficRules.read(tree.get("traffic"), errors);
        Duration rollout = TrafficRules.rolloutDuration(tree.get("rolloutDuration"), errors);
        return TrafficState.of(errors.isEmpty() ? traffic : TrafficRules.DEFAULT, rollout.toMillis());
    }
}
