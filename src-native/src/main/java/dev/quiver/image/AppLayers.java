package dev.quiver.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissionsProvider;
import com.google.cloud.tools.jib.api.buildplan.ModificationTimeProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layers of a Quarkus app directory ({@code target/quarkus-app}) under {@code /deployments}, least often
 * changed first, like Quarkus's own fast-jar images: {@code lib/} (dependencies), {@code quarkus/} (generated
 * code), the start archives that the image's runtime accepts, then the app: {@code app/}, {@code quarkus-run.jar}
 * and every other file (so a code change is a small last layer). Nothing of the layout is assumed beyond
 * quarkus-run.jar; directories other than lib/ and quarkus/ go into the app layer.
 */
public final class AppLayers {

    public static final AbsoluteUnixPath DEPLOYMENTS = AbsoluteUnixPath.get("/deployments");

    private AppLayers() {}

    /**
     * @param includedArchives the start archive files to put into {@code /deployments} under their names (the app's
     *                         own archives are left out otherwise)
     * @param keepTimes keep the files' modification times (a CDS/AOT archive checks the jars' times); otherwise
     *                  Jib's fixed time, so unchanged files give the same layer on every build
     */
    public static List<FileEntriesLayer> of(Path app, List<Path> includedArchives, boolean keepTimes)
            throws IOException {
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalArgumentException("--app " + app + " has no quarkus-run.jar: it must be a Quarkus app "
                    + "directory (target/quarkus-app, built with ./mvnw package)");
        }
        ModificationTimeProvider times =
                keepTimes ? AppLayers::lastModified : FileEntriesLayer.DEFAULT_MODIFICATION_TIME_PROVIDER;
        FilePermissionsProvider permissions = FileEntriesLayer.DEFAULT_FILE_PERMISSIONS_PROVIDER;
        List<FileEntriesLayer> layers = new ArrayList<>();
        for (String dir : List.of("lib", "quarkus")) {
            if (Files.isDirectory(app.resolve(dir))) {
                layers.add(FileEntriesLayer.builder()
                        .setName(dir.equals("lib") ? "libs" : "quarkus")
                        .addEntryRecursive(app.resolve(dir), DEPLOYMENTS.resolve(dir), permissions, times)
                        .build());
            }
        }
        if (!includedArchives.isEmpty()) {
            FileEntriesLayer.Builder archives = FileEntriesLayer.builder().setName("start-archives");
            for (Path archive : includedArchives) {
                AbsoluteUnixPath target =
                        DEPLOYMENTS.resolve(archive.getFileName().toString());
                archives.addEntry(
                        archive,
                        target,
                        FileEntriesLayer.DEFAULT_FILE_PERMISSIONS_PROVIDER.get(archive, target),
                        times.get(archive, target));
            }
            layers.add(archives.build());
        }
        FileEntriesLayer.Builder appLayer = FileEntriesLayer.builder().setName("app");
        try (Stream<Path> top = Files.list(app)) {
            for (Path path : top.sorted().toList()) {
                String name = path.getFileName().toString();
                if (name.equals("lib") || name.equals("quarkus") || StartArchives.isArchive(name)) {
                    continue;
                }
                appLayer.addEntryRecursive(path, DEPLOYMENTS.resolve(name), permissions, times);
            }
        }
        layers.add(appLayer.build());
        return layers;
    }

    private static java.time.Instant lastModified(Path source, AbsoluteUnixPath target) {
        try {
            return Files.getLastModifiedTime(source).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
