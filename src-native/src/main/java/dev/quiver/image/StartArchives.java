package dev.quiver.image;

import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import dev.quiver.api.jdk.JvmArchivesFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up archives in a Quarkus app directory: {@code app-cds.jsa} (AppCDS) and {@code app.aot} (JDK 24+ AOT
 * cache). An archive only works with the exact JDK build that made it (another build ignores it, silently), so one
 * goes into the image only if the image's own runtime accepts it: the runtime runs {@code -version} with the archive
 * required ({@code -Xshare:on} / {@code -XX:AOTMode=on}) and the app's class path.
 */
public final class StartArchives {

    /** An archive and the JVM option that uses it once it is at {@code /deployments/<name>}. */
    public record Archive(String name, String checkOption, String useOption) {}

    private static final String APPCDS = JvmArchivesFile.Kind.APPCDS.defaultFile();
    private static final String AOT = JvmArchivesFile.Kind.AOT.defaultFile();

    /** The archive names the build writes (defined once with the keys of quiver-jvm.properties, in api). */
    public static final List<Archive> KNOWN = List.of(
            new Archive(APPCDS, "-Xshare:on", "-XX:SharedArchiveFile=/deployments/" + APPCDS),
            new Archive(AOT, "-XX:AOTMode=on", "-XX:AOTCache=/deployments/" + AOT));

    /** The archives present in the app and what happened to each. */
    public record Decision(Archive archive, boolean include, String reason) {}

    private static final FileTime FIXED_TIME = FileTime.from(FileEntriesLayer.DEFAULT_MODIFICATION_TIME);

    private StartArchives() {}

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
                        : new Decision(
                                archive,
                                false,
                                "left out: the base image's JDK cannot be run here to check "
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

    /**
     * Makes an AppCDS archive with the image's runtime, the way Quarkus makes its own (the app started with
     * {@code quarkus.appcds.generate=true}, which exits after start-up, under {@code -XX:ArchiveClassesAtExit}), in
     * a copy of the app whose files carry Jib's fixed modification time (the archive checks the jars' times; the
     * image's files carry the same time, so unchanged jars still give the same layer), then checks the runtime
     * accepts it. The JVM accepts the archive with the app at another path (/deployments).
     */
    public static Path makeCdsArchive(Path app, Path java, Path work, ImageLog log)
            throws IOException, InterruptedException {
        Path stage = work.resolve("cds-stage");
        JlinkRuntime.deleteRecursively(stage);
        try (Stream<Path> files = Files.walk(app)) {
            for (Path source : files.toList()) {
                Path target = stage.resolve(app.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!isArchive(source.getFileName().toString())) {
                    Files.copy(source, target);
                    Files.setLastModifiedTime(target, FIXED_TIME);
                }
            }
        }
        Path archive = stage.resolve("app-cds.jsa");
        Path trainingLog = work.resolve("cds-training.log");
        log.info("app-cds.jsa: making it with the image's runtime (the app starts once; log: " + trainingLog + ")");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-Dquarkus.appcds.generate=true",
                        "-Dquarkus.http.port=0",
                        "-jar",
                        "quarkus-run.jar")
                .directory(stage.toFile())
                .redirectErrorStream(true)
                .redirectOutput(trainingLog.toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(
                    "making app-cds.jsa: the app did not exit within 180 s; see " + trainingLog);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException(
                    "making app-cds.jsa failed (exit " + process.exitValue() + "); see " + trainingLog);
        }
        Decision decision = check(stage, KNOWN.get(0), java);
        if (!decision.include()) {
            throw new IllegalStateException(
                    "the archive made with the image's runtime is rejected by it: " + decision.reason());
        }
        log.info("app-cds.jsa: made (" + Files.size(archive) / (1024 * 1024) + " MB) and accepted by the runtime");
        return archive;
    }

    private static Decision check(Path app, Archive archive, Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        java.toString(),
                        archive.checkOption(),
                        archive.useOption().replace("/deployments/", app.toAbsolutePath() + "/"),
                        "-cp",
                        "quarkus-run.jar",
                        "-version")
                .directory(app.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() == 0) {
            return new Decision(
                    archive, true, "included: the image's runtime accepts it (" + archive.useOption() + ")");
        }
        String why = out.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("Error occurred during"))
                .filter(l -> !l.startsWith("An error has occurred"))
                .findFirst()
                .orElse(out.lines().findFirst().orElse("exit " + process.exitValue()));
        return new Decision(
                archive,
                false,
                "left out: the image's runtime cannot use it (" + why + "): it was "
                        + "made by another JDK build (or needs a newer JDK); make it with the image's JDK to include it");
    }
}
