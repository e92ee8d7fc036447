package dev.quiver.runtime.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkFinderTest {
    @TempDir
    Path dir;

    // the feature-release rules are tested with the shared reader: api JdkReleaseTest

    @Test
    void aJdkIsReadFromItsReleaseFile() throws IOException {
        Path home = jdk("temurin-25", "25.0.3", "25.0.3+9-LTS");
        assertThat(Jdk.read(home)).contains(new Jdk(home, 25, "25.0.3+9-LTS"));
    }

    @Test
    void aDirectoryWithoutReleaseOrJavaIsNoJdk() throws IOException {
        Path noJava = dir.resolve("half");
        Files.createDirectories(noJava);
        Files.writeString(noJava.resolve("release"), "JAVA_VERSION=\"25\"\n");
        assertThat(Jdk.read(noJava)).isEmpty();
        assertThat(Jdk.read(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void theNewestJdkOf25OrLaterIsPicked() throws IOException {
        Jdk j17 = Jdk.read(jdk("a17", "17.0.15", "17.0.15+6")).orElseThrow();
        Jdk j25 = Jdk.read(jdk("b25", "25.0.3", "25.0.3+9")).orElseThrow();
        Jdk j26 = Jdk.read(jdk("c26", "26", "26+35")).orElseThrow();
        assertThat(JdkFinder.newest(List.of(j17, j26, j25))).contains(j26);
        assertThat(JdkFinder.newest(List.of(j17))).isEmpty();
    }

    @Test
    void searchFindsAJdkNamedByQuiverAotJavaHome() throws IOException {
        Path home = jdk("custom", "99.0.1", "99.0.1+8");
        Optional<Jdk> found = JdkFinder.find("auto", Map.of("QUIVER_AOT_JAVA_HOME", home.toString()), dir);
        assertThat(found).map(Jdk::home).contains(home);
    }

    @Test
    void anExplicitJdkMayBeItsHomeOrItsJava() throws IOException {
        Path home = jdk("explicit", "25.0.1", "25.0.1+8");
        assertThat(JdkFinder.find(home.toString(), Map.of(), dir))
                .map(Jdk::home)
                .contains(home);
        assertThat(JdkFinder.find(home.resolve("bin/java").toString(), Map.of(), dir))
                .map(Jdk::home)
                .contains(home);
    }

    @Test
    void anExplicitJdkOlderThan25IsRefusedNamingTheKey() throws IOException {
        Path home = jdk("old", "17.0.15", "17.0.15+6");
        assertThatThrownBy(() -> JdkFinder.find(home.toString(), Map.of(), dir))
                .hasMessageContaining("aot-cache.java")
                .hasMessageContaining("17.0.15+6");
        assertThatThrownBy(() -> JdkFinder.find(dir.resolve("nowhere").toString(), Map.of(), dir))
                .hasMessageContaining("aot-cache.java")
                .hasMessageContaining("nowhere");
    }

    private Path jdk(String name, String version, String runtime) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(
                home.resolve("release"),
                "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + runtime + "\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
