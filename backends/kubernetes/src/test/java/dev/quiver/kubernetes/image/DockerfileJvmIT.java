package dev.quiver.kubernetes.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * src-native/Dockerfile.jvm copies what a packaged Quarkus app has: checked against this module's own
 * target/quarkus-app after {@code package} (no Docker needed). Catches a Quarkus layout change before an image build.
 */
class DockerfileJvmIT {
    static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*target/quarkus-app/(\\S+)\\s+\\S+$");

    @Test
    void everyCopySourceExistsInAPackagedApp() throws IOException {
        Path app = Path.of(System.getProperty("quiver.app.dir", "target/quarkus-app"));
        List<String> sources = Files.readAllLines(
                        Path.of(System.getProperty("quiver.src-native.dir", "../../src-native"))
                                .resolve("Dockerfile.jvm"))
                .stream()
                .map(COPY::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .toList();

        assertThat(sources).containsExactlyInAnyOrder("lib/", "*.jar", "app/", "quarkus/");
        for (String s : sources) {
            if (s.endsWith("/")) {
                assertThat(app.resolve(s)).isDirectoryContaining(p -> true);
            } else {
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + s);
                try (Stream<Path> files = Files.list(app)) {
                    assertThat(files.map(Path::getFileName)).anyMatch(glob::matches);
                }
            }
        }
        assertThat(app.resolve("quarkus-run.jar"))
                .as("JAVA_APP_JAR in Dockerfile.jvm")
                .exists();
    }
}
