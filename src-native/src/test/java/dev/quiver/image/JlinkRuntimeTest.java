package dev.quiver.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JlinkRuntimeTest {
    @TempDir
    Path dir;

    @Test
    void aJdkWithJlinkAndJmodsIsReadThroughTheSharedReleaseReader() throws IOException {
        Path jdk = home("jdk", true, true, "JAVA_VERSION=\"25.0.1\"\nJAVA_RUNTIME_VERSION=\"25.0.1+8-LTS\"\n");
        assertThat(JlinkRuntime.check(jdk).describe()).isEqualTo("Java 25.0.1+8-LTS");
    }

    @Test
    void aJreIsRefusedByName() throws IOException {
        Path jre = home("jre", false, false, "JAVA_VERSION=\"17\"\n");
        assertThatThrownBy(() -> JlinkRuntime.check(jre))
                .hasMessageContaining("no jlink in " + jre)
                .hasMessageContaining("not a JRE");
    }

    @Test
    void aJdkWithoutJmodsIsRefusedWithTheFix() throws IOException {
        Path jdk = home("nojmods", true, false, "JAVA_VERSION=\"17\"\n");
        assertThatThrownBy(() -> JlinkRuntime.check(jdk))
                .hasMessageContaining("has no jmods/")
                .hasMessageContaining("openjdk-<version>-jmods");
    }

    @Test
    void aJdkWithoutReleaseFileIsRefused() throws IOException {
        Path jdk = home("norelease", true, true, null);
        assertThatThrownBy(() -> JlinkRuntime.check(jdk)).hasMessageContaining("no readable release file");
    }

    @Test
    void aDirectoryWithoutJavaIsNoJdk() {
        assertThatThrownBy(() -> JlinkRuntime.check(dir.resolve("missing")))
                .hasMessageContaining("is not a Java installation");
    }

    private Path home(String name, boolean jlink, boolean jmods, String release) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
        for (String tool : jlink ? new String[] {"java", "jlink"} : new String[] {"java"}) {
            Path t = Files.writeString(home.resolve("bin").resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (jmods) {
            Files.createDirectories(home.resolve("jmods"));
        }
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
        return home;
    }
}
