package dev.quiver.local.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LaunchPlanTest {
    static final Path DIR = Path.of("/apps/hello/quarkus-app");
    static final String J17_HOME = "/usr/lib/jvm/java-17-openjdk-amd64";
    static final String J25_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";
    static final String V17 = "17.0.15+6-Debian-1deb12u1";
    static final String V25 = "25.0.1+8-LTS";
    static final JvmBuild J17 = JvmBuild.inHome(Path.of(J17_HOME), V17);
    static final JvmBuild J25 = JvmBuild.inHome(Path.of(J25_HOME), V25);
    static final JvmBuild PLATFORM = JvmBuild.inHome(Path.of("/opt/platform-jdk"), "21.0.4+7");
    static final long JAR = 1_000;

    /** The metadata a build with both archives writes. */
    static Map<String, String> both() {
        Map<String, String> m = new HashMap<>();
        m.put("appcds.file", "app-cds.jsa");
        m.put("appcds.java.home", J17_HOME);
        m.put("appcds.java.version", V17);
        m.put("aot.file", "app.aot");
        m.put("aot.java.home", J25_HOME);
        m.put("aot.java.version", V25);
        return m;
    }

    static Map<String, String> without(Map<String, String> m, String... keys) {
        for (String k : keys) {
            m.remove(k);
        }
        return m;
    }

    static Map<String, String> with(Map<String, String> m, String key, String value) {
        m.put(key, value);
        return m;
    }

    static Map<String, Long> files(String... names) {
        Map<String, Long> f = new HashMap<>();
        f.put("quarkus-run.jar", JAR);
        for (String n : names) {
            f.put(n, JAR + 5);
        }
        return f;
    }

    static Map<String, Long> stale(String name, Map<String, Long> f) {
        f.put(name, JAR - 5);
        return f;
    }

    static final List<JvmBuild> BOTH_JDKS = List.of(J17, J25);
    static final List<JvmBuild> ONLY_17 = List.of(J17);
    static final String AOT_OPT = "-XX:AOTCache=" + DIR.resolve("app.aot");
    static final String CDS_OPT = "-XX:SharedArchiveFile=" + DIR.resolve("app-cds.jsa");

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of(
                        "auto with both archives and both JDKs takes the AOT cache with JDK 25",
                        both(),
                        files("app.aot", "app-cds.jsa"),
                        Archive.AUTO,
                        null,
                        BOTH_JDKS,
                        "jdk25-aot",
                        J25.java(),
                        List.of(AOT_OPT),
                        false,
                        "app.aot made by JDK 25.0.1+8-LTS"),
                Arguments.of(
                        "the AOT cache's JDK is gone: AppCDS with the JDK that made it, saying why",
                        both(),
                        files("app.aot", "app-cds.jsa"),
                        Archive.AUTO,
                        null,
                        ONLY_17,
                        "jdk17-appcds",
                        J17.java(),
                        List.of(CDS_OPT, "-Xshare:auto"),
                        true,
                        "app.aot was made by 25.0.1+8-LTS but " + J25_HOME
                                + " is missing; using AppCDS: app-cds.jsa made by" + " JDK " + V17),
                Arguments.of(
                        "the AOT cache's JDK was updated to another build: AppCDS",
                        both(),
                        files("app.aot", "app-cds.jsa"),
                        Archive.AUTO,
                        null,
                        List.of(J17, JvmBuild.inHome(Path.of(J25_HOME), "25.0.3+9-LTS")),
                        "jdk17-appcds",
                        J17.java(),
                        List.of(CDS_OPT, "-Xshare:auto"),
                        true,
                        J25_HOME + " is now 25.0.3+9-LTS"),
                Arguments.of(
                        "the build found no JDK 25: AppCDS, the skip reason shown, no warning",
                        with(
                                without(both(), "aot.file", "aot.java.home", "aot.java.version"),
                                "aot.skipped",
                                "no JDK 25+ found (set aot-cache.java or QUIVER_AOT_JAVA_HOME)"),
                        files("app-cds.jsa"),
                        Archive.AUTO,
                        null,
                        BOTH_JDKS,
                        "jdk17-appcds",
                        J17.java(),
                        List.of(CDS_OPT, "-Xshare:auto"),
                        false,
                        "no AOT cache (no JDK 25+ found (set aot-cache.java or QUIVER_AOT_JAVA_HOME)); using AppCDS"),
                Arguments.of(
                        "a build that skipped the AOT cache: an app.aot left from before is ignored quietly",
                        with(
                                without(both(), "aot.file", "aot.java.home", "aot.java.version"),
                                "aot.skipped",
                                "skipped (aot-cache.skip=true)"),
                        files("app.aot", "app-cds.jsa"),
                        Archive.AUTO,
                        null,
                        BOTH_JDKS,
                        "jdk17-appcds",
                        J17.java(),
                        List.of(CDS_OPT, "-Xshare:auto"),
                        false,
                        "no AOT cache (skipped (aot-cache.skip=true)); the app.aot of an earlier build is ignored"),
                Arguments.of(
                        "an app.aot without metadata: not used, with a warning",
                        Map.of(),
                        files("app.aot"),
                        Archive.AUTO,
                        null,
                        BOTH_JDKS,
                        "jdk21",
                        PLATFORM.java(),
                        List.of(),
                        true,
                        "app.aot is not described in quiver-jvm.properties (cannot tell which JDK made it)"),
                Arguments.of(
                        "a stale AOT cache (older than the jar) is not used",
                        both(),
                        stale("app.aot", files("app-cds.jsa")),
                        Archive.AUTO,
                        null,
                        BOTH_JDKS,
                        "jdk17-appcds",
                        J17.java(),
                        List.of(CDS_OPT, "-Xshare:auto"),
                        true,
                        "app.aot is older than the jar (stale)"),
                Arguments.of(
                        "an AOT cache recorded as made by JDK 17 cannot be",
                        with(both(), "aot.java.home", J17_HOME),
                        files("app.aot", "app-cds.jsa"),
                        Archive.AUTO,
                        null,
                        BOTH_JDKS,
                        "jdk17-appcds",
                        J17.java(),
                        List.of(CDS_OPT, "-Xshare:auto"),
                        true,
                        "but " + J17_HOME + " is now " + V17),
                Arguments.of(
                        "no archive usable: the platform's JVM, plain, with every reason",
                        both(),
                        files(),
                        Archive.AUTO,
                        null,
                        List.of(),
                        "jdk21",
                        PLATFORM.java(),
                        List.of(),
                        true,
                        "quiver-jvm.properties names app.aot but it is missing; quiver-jvm.properties names"
                                + " app-cds.jsa but it is missing; using JDK 21.0.4+7 without an archive"),
                Arguments.of(
                        "nothing built at all: plain, no warning",
                        Map.of(),
                        files(),
                        Archive.AUTO,
                        null,
                        BOTH_JDKS,
                        "jdk21",
                        PLATFORM.java(),
                        List.of(),
                        false,
                        "no AOT cache; no AppCDS archive"),
                Arguments.of(
                        "an older build (app-cds.jsa, no metadata): AppCDS with the default JVM",
                        Map.of(),
                        files("app-cds.jsa"),
                        Archive.AUTO,
                        null,
                        BOTH_JDKS,
                        "jdk21-appcds",
                        PLATFORM.java(),
                        List.of(CDS_OPT, "-Xshare:auto"),
                        false,
                        "assuming JDK 21.0.4+7 made it"),
                Arguments.of(
                        "archive none: plain even with both archives",
                        both(),
                        files("app.aot", "app-cds.jsa"),
                        Archive.NONE,
                        null,
                        BOTH_JDKS,
                        "jdk21",
                        PLATFORM.java(),
                        List.of(),
                        false,
                        "archive: none (configured)"),
                Arguments.of(
                        "archive appcds skips the AOT cache",
                        both(),
                        files("app.aot", "app-cds.jsa"),
                        Archive.APPCDS,
                        null,
                        BOTH_JDKS,
                        "jdk17-appcds",
                        J17.java(),
                        List.of(CDS_OPT, "-Xshare:auto"),
                        false,
                        "app-cds.jsa made by JDK " + V17),
                Arguments.of(
                        "archive aot without a usable cache: plain, a warning, AppCDS not tried",
                        both(),
                        files("app-cds.jsa"),
                        Archive.AOT,
                        null,
                        BOTH_JDKS,
                        "jdk21",
                        PLATFORM.java(),
                        List.of(),
                        true,
                        "quiver-jvm.properties names app.aot but it is missing; using JDK 21.0.4+7"),
                Arguments.of(
                        "an explicit java that is the AOT cache's JDK uses it",
                        both(),
                        files("app.aot", "app-cds.jsa"),
                        Archive.AUTO,
                        new JvmBuild("/opt/my25/bin/java", Path.of("/opt/my25"), V25),
                        List.of(),
                        "jdk25-aot",
                        "/opt/my25/bin/java",
                        List.of(AOT_OPT),
                        false,
                        "app.aot made by JDK " + V25),
                Arguments.of(
                        "an explicit java of another build: plain with it, saying why",
                        both(),
                        files("app.aot", "app-cds.jsa"),
                        Archive.AUTO,
                        new JvmBuild("/opt/jdk21/bin/java", Path.of("/opt/jdk21"), "21.0.4+7"),
                        BOTH_JDKS,
                        "jdk21",
                        "/opt/jdk21/bin/java",
                        List.of(),
                        true,
                        "app.aot was made by 25.0.1+8-LTS but the configured"
                                + " java /opt/jdk21/bin/java is 21.0.4+7; app-cds.jsa was made by " + V17),
                Arguments.of(
                        "an explicit java of unknown version: plain, saying so",
                        both(),
                        files("app.aot", "app-cds.jsa"),
                        Archive.AUTO,
                        new JvmBuild("myjava", null, ""),
                        BOTH_JDKS,
                        "jvm",
                        "myjava",
                        List.of(),
                        true,
                        "the configured java myjava is of unknown version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void choosesTheFastestUsableLaunch(
            String label,
            Map<String, String> metadata,
            Map<String, Long> files,
            Archive archive,
            JvmBuild explicit,
            List<JvmBuild> installed,
            String mode,
            String java,
            List<String> options,
            boolean degraded,
            String reason) {
        ArtifactFacts facts = new ArtifactFacts(DIR, metadata, JAR, files);

        LaunchPlan plan = LaunchPlan.decide(
                facts,
                new LaunchChoice(archive, Optional.ofNullable(explicit)),
                PLATFORM,
                home -> installed.stream().filter(j -> j.home().equals(home)).findFirst());

        assertThat(plan.mode()).isEqualTo(mode);
        assertThat(plan.java()).isEqualTo(java);
        assertThat(plan.jvmOptions()).containsExactlyElementsOf(options);
        assertThat(plan.degraded()).as("degraded").isEqualTo(degraded);
        assertThat(plan.reason()).contains(reason);
    }
}
