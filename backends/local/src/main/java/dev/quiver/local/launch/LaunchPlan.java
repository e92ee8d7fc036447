package dev.quiver.local.launch;

import dev.quiver.api.jdk.JvmArchivesFile;
import dev.quiver.api.jdk.JvmArchivesFile.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a JVM instance starts: the launcher, the extra JVM options for its start-up archive, a short mode label
 * ({@code jdk25-aot}, {@code jdk17-appcds}, {@code jdk17}) and why. {@link #decide} is the whole decision, plain:
 * {@code auto} takes the JDK AOT cache with the JDK that made it when that JDK exists, is 25+ and is still the same
 * build; else the AppCDS archive with the JDK that made it; else the default JVM, plain.
 *
 * @param degraded an archive of the build (or one asked for) is not used: worth a warning
 */
public record LaunchPlan(String java, List<String> jvmOptions, String mode, String reason, boolean degraded) {
    private static final Kind AOT = Kind.AOT;
    private static final Kind CDS = Kind.APPCDS;

    public LaunchPlan {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** A native binary: nothing to choose. */
    public static LaunchPlan nativeBinary() {
        return new LaunchPlan(null, List.of(), "native", "native binary", false);
    }

    /**
     * @param defaultJvm the platform's JVM, used when nothing else is chosen or explicit
     * @param jvmAt      the JVM installed in a home, if any, with its version
     */
    public static LaunchPlan decide(
            ArtifactFacts facts, LaunchChoice choice, JvmBuild defaultJvm, Function<Path, Optional<JvmBuild>> jvmAt) {
        JvmBuild base = choice.java().orElse(defaultJvm);
        if (choice.archive() == Archive.NONE) {
            return plain(base, "archive: none (configured)", false);
        }
        List<String> why = new ArrayList<>();
        boolean degraded = false;
        if (choice.archive() != Archive.APPCDS) {
            Attempt a = aot(facts, choice, jvmAt);
            if (a.plan != null) {
                return a.plan;
            }
            why.add(a.reason);
            degraded |= a.degraded || choice.archive() == Archive.AOT;
        }
        if (choice.archive() != Archive.AOT) {
            Attempt c = appCds(facts, choice, base, jvmAt);
            if (c.plan != null) {
                String reason =
                        why.isEmpty() ? c.plan.reason : String.join("; ", why) + "; using AppCDS: " + c.plan.reason;
                return new LaunchPlan(c.plan.java, c.plan.jvmOptions, c.plan.mode, reason, degraded);
            }
            why.add(c.reason);
            degraded |= c.degraded || choice.archive() == Archive.APPCDS;
        }
        return plain(base, String.join("; ", why) + "; using " + base.describe() + " without an archive", degraded);
    }

    /** Either a plan with its JVM, or why not (and whether that loses an archive the build made). */
    private record Attempt(LaunchPlan plan, JvmBuild jvm, String reason, boolean degraded) {
        static Attempt no(String reason, boolean degraded) {
            return new Attempt(null, null, reason, degraded);
        }

        static Attempt jvm(JvmBuild jvm) {
            return new Attempt(null, jvm, null, false);
        }

        static Attempt plan(LaunchPlan plan, JvmBuild jvm) {
            return new Attempt(plan, jvm, null, false);
        }
    }

    private static Attempt aot(ArtifactFacts f, LaunchChoice choice, Function<Path, Optional<JvmBuild>> jvmAt) {
        Optional<String> file = f.get(AOT.fileKey());
        if (file.isEmpty()) {
            Optional<String> skipped = f.get(JvmArchivesFile.AOT_SKIPPED);
            boolean leftover = f.exists(ArtifactFacts.AOT_DEFAULT);
            if (skipped.isPresent()) {
                return Attempt.no(
                        "no AOT cache (" + skipped.get() + ")"
                                + (leftover
                                        ? "; the " + ArtifactFacts.AOT_DEFAULT + " of an earlier build is ignored"
                                        : ""),
                        false);
            }
            if (leftover) {
                return Attempt.no(
                        ArtifactFacts.AOT_DEFAULT + " is not described in " + ArtifactFacts.METADATA
                                + " (cannot tell which JDK made it)",
                        true);
            }
            return Attempt.no("no AOT cache", false);
        }
        Attempt usable = usable(f, file.get(), AOT, choice, jvmAt);
        if (usable.jvm == null) {
            return usable;
        }
        JvmBuild jvm = usable.jvm;
        if (jvm.feature() < 25) {
            return Attempt.no(file.get() + " needs JDK 25+, but its JDK is " + jvm.describe(), true);
        }
        return Attempt.plan(
                new LaunchPlan(
                        jvm.java(),
                        List.of("-XX:AOTCache=" + f.absolute(file.get())),
                        jvm.label() + "-aot",
                        file.get() + " made by " + jvm.describe(),
                        false),
                jvm);
    }

    private static Attempt appCds(
            ArtifactFacts f, LaunchChoice choice, JvmBuild base, Function<Path, Optional<JvmBuild>> jvmAt) {
        Optional<String> file = f.get(CDS.fileKey());
        if (file.isEmpty()) {
            String dflt = ArtifactFacts.APPCDS_DEFAULT;
            if (!f.exists(dflt)) {
                return Attempt.no("no AppCDS archive", false);
            }
            if (f.stale(dflt)) {
                return Attempt.no(dflt + " is older than the jar (stale)", true);
            }
            return Attempt.plan(
                    appCdsPlan(
                            f,
                            dflt,
                            base,
                            dflt + " without " + ArtifactFacts.METADATA + ": assuming " + base.describe()
                                    + " made it (the JVM ignores it otherwise)"),
                    base);
        }
        Attempt usable = usable(f, file.get(), CDS, choice, jvmAt);
        if (usable.jvm == null) {
            return usable;
        }
        return Attempt.plan(
                appCdsPlan(f, file.get(), usable.jvm, file.get() + " made by " + usable.jvm.describe()), usable.jvm);
    }

    private static LaunchPlan appCdsPlan(ArtifactFacts f, String file, JvmBuild jvm, String reason) {
        return new LaunchPlan(
                jvm.java(),
                List.of("-XX:SharedArchiveFile=" + f.absolute(file), "-Xshare:auto"),
                jvm.label() + "-appcds",
                reason,
                false);
    }

    /** The archive exists, is fresh, and the JVM that made it (or the explicit one, if the same build) is here. */
    private static Attempt usable(
            ArtifactFacts f, String file, Kind kind, LaunchChoice choice, Function<Path, Optional<JvmBuild>> jvmAt) {
        if (!f.exists(file)) {
            return Attempt.no(ArtifactFacts.METADATA + " names " + file + " but it is missing", true);
        }
        if (f.stale(file)) {
            return Attempt.no(file + " is older than the jar (stale)", true);
        }
        Optional<String> version = f.get(kind.javaVersionKey());
        Optional<String> home = f.get(kind.javaHomeKey());
        if (version.isEmpty() || home.isEmpty()) {
            return Attempt.no(
                    file + " has no " + kind.javaHomeKey() + "/" + kind.javaVersionKey() + " in "
                            + ArtifactFacts.METADATA,
                    true);
        }
        String made = file + " was made by " + version.get();
        if (choice.java().isPresent()) {
            JvmBuild explicit = choice.java().get();
            return version.get().equals(explicit.version())
                    ? Attempt.jvm(explicit)
                    : Attempt.no(
                            made + " but the configured java " + explicit.java() + " is "
                                    + (explicit.version().isEmpty() ? "of unknown version" : explicit.version()),
                            true);
        }
        Optional<JvmBuild> jvm = jvmAt.apply(Path.of(home.get()));
        if (jvm.isEmpty()) {
            return Attempt.no(made + " but " + home.get() + " is missing", true);
        }
        if (!version.get().equals(jvm.get().version())) {
            return Attempt.no(
                    made + " but " + home.get() + " is now " + jvm.get().version(), true);
        }
        return Attempt.jvm(jvm.get());
    }

    private static LaunchPlan plain(JvmBuild jvm, String reason, boolean degraded) {
        return new LaunchPlan(jvm.java(), List.of(), jvm.label(), reason, degraded);
    }
}
