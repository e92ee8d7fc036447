package dev.quiver.local.launch;

import dev.quiver.api.jdk.JvmArchivesFile;
import dev.quiver.local.backend.LaunchInfo;
import dev.quiver.local.registry.FunctionDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads a function's artifact directory and the installed JVMs, asks {@link LaunchPlan#decide} and logs the choice
 * once per function (again only when it changes): INFO, or WARN when an archive of the build goes unused. After an
 * instance is ready, its log is checked for the JVM rejecting the archive ({@link ArchiveLog}).
 */
public final class Launcher {
    private static final Logger LOG = Logger.getLogger(Launcher.class);
    private static final int LOG_BYTES = 64 * 1024;

    private final JvmCatalog jvms;
    private final Optional<String> java;
    private final Archive archive;
    private final JvmBuild current;
    private final Map<String, String> logged = new ConcurrentHashMap<>();
    private final Map<PlanKey, LaunchPlan> plans = new ConcurrentHashMap<>();

    /** A revision's app folder never changes: its plan is decided once per folder and launch choice. */
    private record PlanKey(Path artifact, LaunchChoice choice) {}

    /** @param java the configured launcher ({@code quiver.platform.instances.java}), if any */
    public Launcher(JvmCatalog jvms, Optional<String> java, Archive archive, JvmBuild current) {
        this.jvms = jvms;
        this.java = java;
        this.archive = archive;
        this.current = current;
    }

    public LaunchPlan plan(FunctionDefinition f) {
        if (!f.jvm()) {
            return LaunchPlan.nativeBinary();
        }
        Optional<String> explicit = f.launch().java().or(() -> java);
        LaunchChoice choice = new LaunchChoice(f.launch().archive().orElse(archive), explicit.map(jvms::ofLauncher));
        LaunchPlan plan = immutable(f.artifact())
                ? plans.computeIfAbsent(
                        new PlanKey(f.artifact().toAbsolutePath(), choice),
                        k -> LaunchPlan.decide(facts(k.artifact()), k.choice(), current, jvms::at))
                : LaunchPlan.decide(facts(f.artifact()), choice, current, jvms::at);
        once(f.name(), "plan", plan.degraded(), "launch " + plan.mode() + ": " + plan.reason());
        return plan;
    }

    /**
     * Whether the artifact lies in a revision's app folder ({@code <data>/revisions/<fn>-0000N/app/}), which the
     * platform never changes after the revision is made: its listing and metadata need reading only once. Any other
     * artifact (a build output a developer may rebuild) is read again on every spawn.
     */
    static boolean immutable(Path artifact) {
        Path app = artifact.toAbsolutePath().getParent();
        Path revision = app == null ? null : app.getParent();
        Path revisions = revision == null ? null : revision.getParent();
        return revisions != null
                && "app".equals(app.getFileName().toString())
                && "revisions".equals(revisions.getFileName().toString());
    }

    /** The launch as it turned out: the planned one, or plain when the JVM said it could not use the archive. */
    public LaunchInfo check(String function, LaunchPlan plan, Path log) {
        if (plan.jvmOptions().isEmpty() || log == null) {
            return new LaunchInfo(plan.mode(), plan.reason());
        }
        Optional<String> rejected = ArchiveLog.rejection(head(log));
        if (rejected.isEmpty()) {
            return new LaunchInfo(plan.mode(), plan.reason());
        }
        String mode = plan.mode().replaceAll("-(aot|appcds)$", "");
        String reason = "the JVM did not use the archive: " + rejected.get() + " (planned " + plan.mode() + ")";
        once(function, "check", true, "launch " + mode + ": " + reason);
        return new LaunchInfo(mode, reason);
    }

    /** Logs when this function's message of this kind differs from the last one logged. */
    private void once(String function, String kind, boolean warn, String message) {
        if (message.equals(logged.put(function + "|" + kind, message))) {
            return;
        }
        if (warn) {
            LOG.warnf("%s: %s", function, message);
        } else {
            LOG.infof("%s: %s", function, message);
        }
    }

    static ArtifactFacts facts(Path jar) {
        Path dir = jar.toAbsolutePath().getParent();
        Map<String, String> meta = new HashMap<>();
        try {
            meta.putAll(JvmArchivesFile.read(dir));
        } catch (IOException | IllegalArgumentException e) {
            LOG.debugf("cannot read %s: %s", dir.resolve(ArtifactFacts.METADATA), e.getMessage());
        }
        Map<String, Long> files = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    files.put(
                            p.getFileName().toString(),
                            Files.getLastModifiedTime(p).toMillis());
                }
            }
        } catch (IOException e) {
            LOG.debugf("cannot list %s: %s", dir, e.getMessage());
        }
        return new ArtifactFacts(dir, meta, files.getOrDefault(jar.getFileName().toString(), 0L), files);
    }

    private static List<String> head(Path log) {
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readNBytes(LOG_BYTES), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
