package dev.quiver.local.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.local.backend.LaunchInfo;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher over real files: a quarkus-app directory, JDK homes with release files. */
class LauncherTest {
    @TempDir
    Path tmp;

    Path app;
    Path jdk17;
    Path jdk25;

    @BeforeEach
    void build() throws Exception {
        app = Files.createDirectories(tmp.resolve("quarkus-app"));
        jdk17 = jdk("jdk17", "17.0.15+6-Debian-1deb12u1");
        jdk25 = jdk("jdk25", "25.0.1+8-LTS");
        Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        for (String f : List.of("app-cds.jsa", "app.aot")) {
            Files.writeString(app.resolve(f), "archive");
            Files.setLastModifiedTime(app.resolve(f), FileTime.from(Instant.parse("2026-01-01T00:00:05Z")));
        }
        Files.writeString(app.resolve("quiver-jvm.properties"), """
                appcds.file=app-cds.jsa
                appcds.java.home=%s
                appcds.java.version=17.0.15+6-Debian-1deb12u1
                aot.file=app.aot
                aot.java.home=%s
                aot.java.version=25.0.1+8-LTS
                """.formatted(jdk17, jdk25));
    }

    private Path jdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(tmp.resolve(name).resolve("bin")).getParent();
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(
                home.resolve("release"),
                "IMPLEMENTOR=\"x\"\nJAVA_RUNTIME_VERSION=\"" + version + "\"\nJAVA_VERSION=\"17\"\n");
        return home;
    }

    private FunctionDefinition function(String extra) {
        return new FunctionReader(tmp).read("name: hello\nartifact: quarkus-app/quarkus-run.jar\n" + extra);
    }

    private Launcher launcher(Optional<String> java, Archive archive) {
        return new Launcher(new JvmCatalog(), java, archive, JvmBuild.inHome(jdk17, "17.0.15+6-Debian-1deb12u1"));
    }

    @Test
    void theArtifactsMetadataAndTheInstalledJdksGiveTheAotLaunch() {
        LaunchPlan plan = launcher(Optional.empty(), Archive.AUTO).plan(function(""));

        assertThat(plan.mode()).isEqualTo("jdk25-aot");
        assertThat(plan.java()).isEqualTo(jdk25.resolve("bin/java").toString());
        assertThat(plan.jvmOptions()).containsExactly("-XX:AOTCache=" + app.resolve("app.aot"));
    }

    @Test
    void aRevisionsAppFolderIsReadOnceWhileABuildOutputIsReadOnEverySpawn() throws Exception {
        Path revisionApp = Files.createDirectories(tmp.resolve("data/revisions/hello-00001/app"));
        try (var files = Files.list(app)) {
            for (Path f : files.toList()) {
                Files.copy(f, revisionApp.resolve(f.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        FunctionDefinition revision =
                new FunctionReader(tmp).read("name: hello\nartifact: data/revisions/hello-00001/app/quarkus-run.jar\n");
        Launcher launcher = launcher(Optional.empty(), Archive.AUTO);
        assertThat(launcher.plan(revision).mode()).isEqualTo("jdk25-aot");
        assertThat(launcher.plan(function("")).mode()).isEqualTo("jdk25-aot");

        for (Path dir : List.of(app, revisionApp)) {
            Files.writeString(dir.resolve("quiver-jvm.properties"), "");
        }

        assertThat(launcher.plan(revision).mode()).as("cached per revision").isEqualTo("jdk25-aot");
        assertThat(launcher.plan(function("")).mode()).as("read again").isEqualTo("jdk17-appcds");
        assertThat(Launcher.immutable(revisionApp.resolve("quarkus-run.jar"))).isTrue();
        assertThat(Launcher.immutable(app.resolve("quarkus-run.jar"))).isFalse();
    }

    @Test
    void aFunctionsOwnJvmChoiceWinsOverThePlatformSetting() {
        LaunchPlan plan = launcher(Optional.empty(), Archive.AUTO).plan(function("jvm: {archive: appcds}\n"));

        assertThat(plan.mode()).isEqualTo("jdk17-appcds");
    }

    @Test
    void anExplicitJavaLauncherIsIdentifiedByItsHomesReleaseFile() {
        LaunchPlan plan = launcher(Optional.of(jdk17.resolve("bin/java").toString()), Archive.AUTO)
                .plan(function(""));

        assertThat(plan.mode()).isEqualTo("jdk17-appcds");
        assertThat(plan.java()).isEqualTo(jdk17.resolve("bin/java").toString());
        assertThat(plan.reason()).contains("app.aot was made by 25.0.1+8-LTS but the configured java");
    }

    @Test
    void aMissingJdkHomeFallsBack() throws Exception {
        Files.delete(jdk25.resolve("bin/java"));

        LaunchPlan plan = launcher(Optional.empty(), Archive.AUTO).plan(function(""));

        assertThat(plan.mode()).isEqualTo("jdk17-appcds");
        assertThat(plan.reason()).contains(jdk25 + " is missing");
    }

    @Test
    void anArchiveTheJvmRejectedMakesTheLaunchPlainWithTheJvmsWords() throws Exception {
        Launcher launcher = launcher(Optional.empty(), Archive.AUTO);
        LaunchPlan plan = launcher.plan(function(""));
        Path log = Files.writeString(tmp.resolve("i.log"), "# cmd\n[0.01s][error][aot] Unable to map shared spaces\n");

        LaunchInfo info = launcher.check("hello", plan, log);

        assertThat(info.mode()).isEqualTo("jdk25");
        assertThat(info.reason()).contains("[aot] Unable to map shared spaces").contains("planned jdk25-aot");
    }

    @Test
    void aCleanLogKeepsThePlannedLaunch() throws Exception {
        Launcher launcher = launcher(Optional.empty(), Archive.AUTO);
        LaunchPlan plan = launcher.plan(function(""));
        Path log = Files.writeString(tmp.resolve("i.log"), "# cmd\nINFO hello started in 0.2s\n");

        assertThat(launcher.check("hello", plan, log)).isEqualTo(new LaunchInfo("jdk25-aot", plan.reason()));
    }

    @Test
    void aNativeBinaryHasNothingToChoose() throws Exception {
        Path bin = Files.writeString(tmp.resolve("hello-runner"), "elf");
        FunctionDefinition f = new FunctionReader(tmp).read("name: hello\nartifact: hello-runner\n");

        assertThat(launcher(Optional.empty(), Archive.AUTO).plan(f).mode()).isEqualTo("native");
        assertThat(bin).exists();
    }

    @Test
    void eachChoiceAndEachRejectionIsLoggedOncePerFunction() throws Exception {
        var handler = new java.util.logging.Handler() {
            final java.util.List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override
            public void publish(java.util.logging.LogRecord r) {
                messages.add(r.getLevel() + " "
                        + java.text.MessageFormat.format(
                                r.getMessage(), r.getParameters() == null ? new Object[0] : r.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(Launcher.class.getName());
        jul.addHandler(handler);
        try {
            Files.delete(jdk25.resolve("bin/java"));
            Launcher launcher = launcher(Optional.empty(), Archive.AUTO);
            Path log = Files.writeString(tmp.resolve("i.log"), "[0.1s][warning][cds] Unable to use shared archive\n");
            for (int i = 0; i < 3; i++) {
                launcher.check("hello", launcher.plan(function("")), log);
            }

            assertThat(handler.messages.stream().filter(m -> m.contains("hello: launch")))
                    .hasSize(2)
                    .anySatisfy(m -> assertThat(m).contains("is missing; using AppCDS"))
                    .anySatisfy(m -> assertThat(m).contains("the JVM did not use the archive: [cds] Unable"));
        } finally {
            jul.removeHandler(handler);
        }
    }
}
