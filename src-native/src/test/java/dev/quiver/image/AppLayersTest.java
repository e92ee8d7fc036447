package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLayersTest {

    @TempDir
    Path app;

    @BeforeEach
    void quarkusApp() throws Exception {
        Files.writeString(app.resolve("quarkus-run.jar"), "runner");
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("lib/main/dep.jar"), "dep");
        Files.createDirectories(app.resolve("quarkus"));
        Files.writeString(app.resolve("quarkus/quarkus-application.dat"), "dat");
        Files.createDirectories(app.resolve("app"));
        Files.writeString(app.resolve("app/hello.jar"), "code");
        Files.writeString(app.resolve("app-cds.jsa"), "archive");
        Files.writeString(app.resolve("quiver-jvm.properties"), "x=1");
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void dependenciesThenGeneratedCodeThenTheAppWithEveryOtherTopLevelFile() throws Exception {
        List<FileEntriesLayer> layers = AppLayers.of(app, List.of(), false);
        assertThat(layers).extracting(FileEntriesLayer::getName).containsExactly("libs", "quarkus", "app");
        assertThat(paths(layers.get(0))).contains("/deployments/lib/main/dep.jar");
        assertThat(paths(layers.get(2)))
                .contains(
                        "/deployments/quarkus-run.jar",
                        "/deployments/app/hello.jar",
                        "/deployments/quiver-jvm.properties")
                .doesNotContain("/deployments/app-cds.jsa");
    }

    @Test
    void anIncludedStartArchiveGetsItsOwnLayerBeforeTheAppAndTheFilesKeepTheirTimes() throws Exception {
        List<FileEntriesLayer> layers = AppLayers.of(app, List.of(app.resolve("app-cds.jsa")), true);
        assertThat(layers)
                .extracting(FileEntriesLayer::getName)
                .containsExactly("libs", "quarkus", "start-archives", "app");
        assertThat(paths(layers.get(2))).containsExactly("/deployments/app-cds.jsa");
        FileEntry runner = layers.get(3).getEntries().stream()
                .filter(e -> e.getExtractionPath().toString().equals("/deployments/quarkus-run.jar"))
                .findFirst()
                .orElseThrow();
        assertThat(runner.getModificationTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void withoutAnArchiveFileTimesAreFixedSoUnchangedFilesGiveTheSameLayer() throws Exception {
        FileEntry runner = AppLayers.of(app, List.of(), false).get(2).getEntries().stream()
                .filter(e -> e.getExtractionPath().toString().equals("/deployments/quarkus-run.jar"))
                .findFirst()
                .orElseThrow();
        assertThat(runner.getModificationTime()).isEqualTo(FileEntriesLayer.DEFAULT_MODIFICATION_TIME);
    }

    @Test
    void aDirectoryWithoutQuarkusRunJarIsRefused() throws Exception {
        Files.delete(app.resolve("quarkus-run.jar"));
        assertThatThrownBy(() -> AppLayers.of(app, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no quarkus-run.jar");
    }

    private static List<String> paths(FileEntriesLayer layer) {
        return layer.getEntries().stream()
                .map(e -> e.getExtractionPath().toString())
                .toList();
    }
}
