package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildsTest {
    @TempDir
    Path root;

    private Builds builds() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        return new Builds(new Workspace(root, root.resolve(".quiver")), new Console(quiet, quiet, false));
    }

    private Builds.Artifact artifact(Instant built, Instant source) throws Exception {
        Path jar = root.resolve("m/target/app.jar");
        Path src = root.resolve("m/src/main/A.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "class A {}");
        Files.setLastModifiedTime(src, FileTime.from(source));
        if (built != null) {
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "jar");
            Files.setLastModifiedTime(jar, FileTime.from(built));
        }
        return new Builds.Artifact("m", jar, List.of("m/src/main"));
    }

    @Test
    void aMissingArtifactIsStale() throws Exception {
        assertThat(builds().stale(artifact(null, Instant.parse("2026-01-01T00:00:00Z"))))
                .isTrue();
    }

    @Test
    void aSourceNewerThanTheArtifactMakesItStale() throws Exception {
        assertThat(builds().stale(
                                artifact(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"))))
                .isTrue();
    }

    @Test
    void anArtifactNewerThanItsSourcesIsUpToDate() throws Exception {
        assertThat(builds().stale(
                                artifact(Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))))
                .isFalse();
    }

    @Test
    void withoutBuildingAMissingArtifactIsNamed() throws Exception {
        Builds.Artifact missing = artifact(null, Instant.parse("2026-01-01T00:00:00Z"));
        System.setProperty("quiver.build", "false");
        try {
            assertThatThrownBy(() -> builds().ensure(List.of(missing)))
                    .hasMessageStartingWith("not built (and -Dquiver.build=false): m; build them: ./mvnw -B install");
        } finally {
            System.clearProperty("quiver.build");
        }
    }
}
