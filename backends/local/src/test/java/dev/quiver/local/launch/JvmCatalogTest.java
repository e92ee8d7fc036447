package dev.quiver.local.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog reads homes with the shared release reader (api JdkRelease, JavaHome; table-tested there). */
class JvmCatalogTest {
    @TempDir
    Path dir;

    @Test
    void aSymlinkedLauncherHasTheVersionOfItsRealHome() throws IOException {
        Path home = home("temurin-25", "JAVA_VERSION=\"25.0.1\"\nJAVA_RUNTIME_VERSION=\"25.0.1+8-LTS\"\n");
        Path link = Files.createDirectories(dir.resolve("bin")).resolve("java");
        Files.createSymbolicLink(link, home.resolve("bin/java"));

        JvmBuild jvm = new JvmCatalog().ofLauncher(link.toString());

        assertThat(jvm.java()).isEqualTo(link.toString());
        assertThat(jvm.home()).isEqualTo(home.toRealPath());
        assertThat(jvm.version()).isEqualTo("25.0.1+8-LTS");
        assertThat(jvm.label()).isEqualTo("jdk25");
    }

    @Test
    void aHomeWithoutReleaseFileIsAJvmOfUnknownVersion() throws IOException {
        Path home = home("bare", null);

        assertThat(new JvmCatalog().at(home)).get().satisfies(j -> {
            assertThat(j.version()).isEmpty();
            assertThat(j.label()).isEqualTo("jvm");
        });
        assertThat(new JvmCatalog().at(dir.resolve("nothing"))).isEmpty();
    }

    @Test
    void anUnknownLauncherHasNoHome() {
        JvmBuild jvm = new JvmCatalog().ofLauncher(dir.resolve("no/bin/java").toString());

        assertThat(jvm.home()).isNull();
        assertThat(jvm.describe()).isEqualTo(dir.resolve("no/bin/java").toString());
    }

    private Path home(String name, String release) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
        return home;
    }
}
