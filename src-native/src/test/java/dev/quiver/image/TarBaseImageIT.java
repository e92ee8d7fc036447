package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path for users whose base comes from elsewhere (registry:// or tar://), exercised offline with tar://: hello's
 * own image serves as the base, and the app goes on top of it.
 */
class TarBaseImageIT {

    @TempDir
    Path work;

    @Test
    void appLayersGoOnTopOfTheBaseAndTheEntrypointRunsJavaFromTheBasesPath() throws Exception {
        Path out = work.resolve("on-base.tar");
        int exit = QuiverImage.run(
                "--app",
                HelloImageTarIT.APP.toString(),
                "--image",
                "quiver/hello:on-base",
                "--output",
                out.toString(),
                "--base",
                "tar://" + HelloImageTarIT.TAR,
                "--cache",
                work.resolve("cache").toString());
        assertThat(exit).isZero();

        ImageTar base = new ImageTar(HelloImageTarIT.TAR);
        ImageTar image = new ImageTar(out);
        List<String> names = image.layers.stream().map(ImageTar.Layer::name).toList();
        assertThat(names.subList(0, base.layers.size()))
                .isEqualTo(base.layers.stream().map(ImageTar.Layer::name).toList());
        assertThat(names.subList(base.layers.size(), names.size())).containsExactly("libs", "quarkus", "app");

        List<String> entrypoint = image.configList("Entrypoint");
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint)
                .endsWith("-jar", "/deployments/quarkus-run.jar")
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:AOTCache"));
        assertThat(image.configList("Env")).as("the base's environment is kept").contains("JAVA_HOME=/opt/java");
    }
}
