package dev.quiver.api.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaHomeTest {
    @TempDir
    Path dir;

    @Test
    void aHomeWithoutBinJavaIsNoInstallation() throws IOException {
        Path half = Files.createDirectories(dir.resolve("half"));
        Files.writeString(half.resolve("release"), "JAVA_VERSION=\"25\"\n");
        assertThat(JavaHome.at(half)).isEmpty();
        assertThat(JavaHome.at(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void aHomeWithoutReleaseFileHasAnUnknownVersion() throws IOException {
        Path home = home("norelease", null, "java");
        JavaHome h = JavaHome.at(home).orElseThrow();
        assertThat(h.release()).isEmpty();
        assertThat(h.runtimeVersion()).isEmpty();
        assertThat(h.feature()).isZero();
    }

    @Test
    void aJreIsNoJdkAndCannotJlink() throws IOException {
        JavaHome jre = JavaHome.at(home("jre", "JAVA_VERSION=\"17\"", "java")).orElseThrow();
        assertThat(jre.isJdk()).isFalse();
        assertThat(jre.canJlink()).isFalse();
        Path full = home("jdk", "JAVA_VERSION=\"17\"", "java", "javac", "jlink");
        Files.createDirectories(full.resolve("jmods"));
        JavaHome jdk = JavaHome.at(full).orElseThrow();
        assertThat(jdk.isJdk()).isTrue();
        assertThat(jdk.canJlink()).isTrue();
    }

    @Test
    void aSymlinkedLauncherLeadsToItsRealHome() throws IOException {
        Path home = home("temurin-25", "JAVA_RUNTIME_VERSION=\"25.0.1+8-LTS\"\nJAVA_VERSION=\"25.0.1\"", "java");
        Path bin = Files.createDirectories(dir.resolve("usr-bin"));
        Files.createSymbolicLink(bin.resolve("java"), home.resolve("bin/java"));

        JavaHome byPath =
                JavaHome.ofLauncher(bin.resolve("java").toString(), "").orElseThrow();
        JavaHome byName = JavaHome.ofLauncher("java", dir.resolve("nothing-here") + ":" + bin)
                .orElseThrow();

        assertThat(byPath.home()).isEqualTo(home.toRealPath());
        assertThat(byName.home()).isEqualTo(home.toRealPath());
        assertThat(byName.runtimeVersion()).isEqualTo("25.0.1+8-LTS");
    }

    @Test
    void anUnknownLauncherHasNoHome() {
        assertThat(JavaHome.ofLauncher("no-such-java", dir.toString())).isEmpty();
        assertThat(JavaHome.ofLauncher(dir.resolve("bin/java").toString(), "")).isEmpty();
    }

    @Test
    void archiveKeysAreWrittenAndReadBack() throws IOException {
        Map<String, String> keys =
                new java.util.TreeMap<>(JvmArchivesFile.Kind.AOT.entries("app.aot", "C:\\jdk 25", "25.0.1+8"));
        keys.put(JvmArchivesFile.AOT_TRAINING, "3 requests: a=b\nsecond line");
        JvmArchivesFile.write(dir, keys);

        Map<String, String> read = JvmArchivesFile.read(dir);
        assertThat(read)
                .containsEntry("aot.file", "app.aot")
                .containsEntry("aot.java.home", "C:\\jdk 25")
                .containsEntry("aot.java.version", "25.0.1+8")
                .containsEntry("aot.training", "3 requests: a=b second line");
        assertThat(JvmArchivesFile.get(read, JvmArchivesFile.Kind.APPCDS.fileKey()))
                .isEmpty();
        assertThat(JvmArchivesFile.read(dir.resolve("none"))).isEmpty();
    }

    private Path home(String name, String release, String... tools) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String tool : tools) {
            Path t = Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (release != null) {
            Files.writeString(home.resolve("release"), release + "\n");
        }
        return home;
    }
}
