package dev.quiver.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Start-up archives in a Quarkus app directory: {@code app-cds.jsa} (AppCDS) and {@code app.aot} (JDK 24+ AOT
 * cache). An archive only works with the exact JDK build that made it (another build ignores it, silently), so one
 * goes into the image only if the image's own runtime accepts it: the runtime runs {@code -version} with the archive
 * required ({@code -Xshare:on} / {@code -XX:AOTMode=on}) and the app's class path.
 */
public final class StartArchives {

    /** An archive and the JVM option that uses it once it is at {@code /deployments/<name>}. */
    public record Archive(String name, String checkOption, String useOption) {}

    public static final List<Archive> KNOWN = List.of(
            new Archive("app-cds.jsa", "-Xshare:on", "-XX:SharedArchiveFile=/deployments/app-cds.jsa"),
            new Archive("app.aot", "-XX:AOTMode=on", "-XX:AOTCache=/deployments/app.aot"));

    /** The archives present in the app and what happened to each. */
    public record Decision(Archive archive, boolean include, String reason) {}

    private StartArchives() {
    }

    public static boolean isArchive(String fileName) {
        return KNOWN.stream().anyMatch(a -> a.name().equals(fileName));
    }

    /**
     * @param java the image runtime's java launcher on this machine, or empty when the base is an image this tool
     *             cannot run (registry/tar): then an archive is included only if {@code trust} is set
     */
    public static List<Decision> decide(Path app, Optional<Path> java, boolean trust, ImageLog log)
            throws IOException, InterruptedException {
        List<Decision> decisions = new ArrayList<>();
        for (Archive archive : KNOWN) {
            Path file = app.resolve(archive.name());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Decision decision;
            if (java.isEmpty()) {
                decision = trust
                        ? new Decision(archive, true, "included unchecked (--trust-start-archives)")
                        : new Decision(archive, false, "left out: the base image's JDK cannot be run here to check "
                                + "that it made the archive; build the archive with that JDK (Quarkus: "
                                + "quarkus.package.jar.appcds.builder-image=<base>) and pass --trust-start-archives");
            } else {
                decision = check(app, archive, java.get());
            }
            log.info(archive.name() + ": " + decision.reason());
            decisions.add(decision);
        }
        return decisions;
    }

    private static Decision check(Path app, Archive archive, Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), archive.checkOption(),
                archive.useOption().replace("/deployments/", app.toAbsolutePath() + "/"),
                "-cp", "quarkus-run.jar", "-version")
                .directory(app.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() == 0) {
            return new Decision(archive, true, "included: the image's runtime accepts it (" + archive.useOption() + ")");
        }
        String why = out.lines().filter(l -> !l.isBlank() && !l.startsWith("Error occurred during"))
                .filter(l -> !l.startsWith("An error has occurred")).findFirst()
                .orElse(out.lines().findFirst().orElse("exit " + process.exitValue()));
        return new Decision(archive, false, "left out: the image's runtime cannot use it (" + why + "): it was "
                + "made by another JDK build (or needs a newer JDK); make it with the image's JDK to include it");
    }
}
