package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The image the build wrote to target/images/hello.tar (and its OCI twin), read back entry by entry. */
class HelloImageTarIT {

    static final Path TAR = Path.of(System.getProperty("quiver.image.tar", "target/images/hello.tar"));
    static final Path APP =
            Path.of(System.getProperty("quiver.image.app", "../functions-examples/hello/target/quarkus-app"));
    static final String NAME = System.getProperty("quiver.image.name", "quiver/hello:0.1.0-SNAPSHOT");
    static ImageTar image;

    @BeforeAll
    static void read() throws IOException {
        image = new ImageTar(TAR);
    }

    @Test
    void isDockerLoadableAndTaggedWithTheImageName() {
        assertThat(image.manifest).hasSize(1);
        assertThat(image.manifest.get(0).get("RepoTags").get(0).asText()).isEqualTo(NAME);
        assertThat(image.config.get("os").asText()).isEqualTo("linux");
        assertThat(image.config.get("architecture").asText()).isEqualTo(QuiverImage.architecture());
    }

    @Test
    void layersGoFromTheOperatingSystemToTheAppSoACodeChangeIsTheSmallLastLayer() {
        List<String> names = image.layers.stream().map(ImageTar.Layer::name).toList();
        assertThat(names)
                .isIn(
                        List.of("os", "jre", "libs", "quarkus", "app"),
                        List.of("os", "jre", "libs", "quarkus", "start-archives", "app"));
        ImageTar.Layer app = image.layer("app");
        assertThat(app.compressedSize()).isLessThan(image.layer("libs").compressedSize() / 10);
        assertThat(app.entries())
                .extracting(ImageTar.Entry::path)
                .allMatch(p -> p.startsWith("/deployments"))
                .noneMatch(p -> p.startsWith("/deployments/lib/"));
    }

    @Test
    void entrypointRunsQuarkusRunJarWithTheImagesJavaOnAllInterfaces() {
        List<String> entrypoint = image.configList("Entrypoint");
        assertThat(entrypoint.get(0)).isEqualTo("/opt/java/bin/java");
        assertThat(entrypoint).contains("-Dquarkus.http.host=0.0.0.0").endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(image.config.get("config").get("WorkingDir").asText()).isEqualTo("/deployments");
    }

    @Test
    void exposesPort8080AndRunsAsTheNonRootUser185() throws IOException {
        assertThat(image.config.get("config").get("ExposedPorts").fieldNames())
                .toIterable()
                .containsExactly("8080/tcp");
        assertThat(image.config.get("config").get("User").asText()).isEqualTo("185");
        String passwd = new String(image.layerFile("os", "/etc/passwd"), StandardCharsets.UTF_8);
        assertThat(passwd).contains(":x:185:0:");
        assertThat(image.layer("os").get("/tmp").mode() & 0777).isEqualTo(0777);
    }

    @Test
    void environmentPointsAtTheJlinkRuntime() {
        assertThat(image.configList("Env"))
                .contains("JAVA_HOME=/opt/java", "LANG=C.UTF-8")
                .anyMatch(e -> e.startsWith("PATH=/opt/java/bin:"));
    }

    @Test
    void appLayerHoldsTheRunnerJarAndTheAppJar() {
        ImageTar.Layer app = image.layer("app");
        assertThat(app.get("/deployments/quarkus-run.jar").size()).isPositive();
        assertThat(app.entries())
                .extracting(ImageTar.Entry::path)
                .anyMatch(p -> p.matches("/deployments/app/hello-.*\\.jar"));
        assertThat(image.layer("libs").entries())
                .extracting(ImageTar.Entry::path)
                .anyMatch(p -> p.matches("/deployments/lib/main/io\\.quarkus\\.quarkus-core-.*\\.jar"));
        assertThat(image.layer("quarkus").entries())
                .extracting(ImageTar.Entry::path)
                .contains("/deployments/quarkus/quarkus-application.dat");
    }

    @Test
    void jreLayerHoldsAnExecutableJavaAndTheJvm() {
        ImageTar.Layer jre = image.layer("jre");
        assertThat(jre.get("/opt/java/bin/java").executable()).isTrue();
        assertThat(jre.get("/opt/java/lib/server/libjvm.so").size()).isPositive();
        assertThat(jre.get("/opt/java/lib/modules").size()).isPositive();
        assertThat(jre.get("/opt/java/release").size()).isPositive();
    }

    @Test
    void osLayerHoldsTheDynamicLoaderAndTheCLibrary() {
        ImageTar.Layer os = image.layer("os");
        List<String> paths = os.entries().stream().map(ImageTar.Entry::path).toList();
        assertThat(paths)
                .anyMatch(p -> p.matches("/lib(64)?/(.*/)?ld-linux.*\\.so\\.\\d"))
                .anyMatch(p -> p.matches("/.*/libc\\.so\\.6"))
                .anyMatch(p -> p.matches("/.*/libz\\.so\\.1"));
        String loader =
                paths.stream().filter(p -> p.contains("ld-linux")).findFirst().orElseThrow();
        assertThat(os.get(loader).executable()).isTrue();
    }

    @Test
    void aStartArchiveIsInTheImageExactlyWhenTheEntrypointUsesIt() {
        List<String> entrypoint = image.configList("Entrypoint");
        boolean cds = image.layers.stream().anyMatch(l -> l.has("/deployments/app-cds.jsa"));
        boolean aot = image.layers.stream().anyMatch(l -> l.has("/deployments/app.aot"));
        assertThat(entrypoint.contains("-XX:SharedArchiveFile=/deployments/app-cds.jsa"))
                .isEqualTo(cds);
        assertThat(entrypoint.contains("-XX:AOTCache=/deployments/app.aot")).isEqualTo(aot);
    }

    @Test
    void ociLayoutTwinNamesTheSameImageWithTheSameEntrypoint() throws IOException {
        Path oci = TAR.resolveSibling("hello-oci.tar");
        java.util.Map<String, byte[]> files = new java.util.HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(java.nio.file.Files.newInputStream(oci))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(new String(files.get("oci-layout"), StandardCharsets.UTF_8)).contains("\"imageLayoutVersion\"");
        JsonNode index = json.readTree(files.get("index.json"));
        JsonNode descriptor = index.get("manifests").get(0);
        assertThat(descriptor
                        .get("annotations")
                        .get("org.opencontainers.image.ref.name")
                        .asText())
                .isEqualTo(NAME);
        JsonNode manifest = json.readTree(
                files.get("blobs/sha256/" + descriptor.get("digest").asText().substring(7)));
        assertThat(manifest.get("layers")).hasSize(image.layers.size());
        JsonNode config = json.readTree(files.get(
                "blobs/sha256/" + manifest.get("config").get("digest").asText().substring(7)));
        assertThat(config.get("config").get("Entrypoint"))
                .isEqualTo(image.config.get("config").get("Entrypoint"));
    }
}
