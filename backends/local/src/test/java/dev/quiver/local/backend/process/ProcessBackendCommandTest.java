package dev.quiver.local.backend.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.local.backend.Purpose;
import dev.quiver.local.config.PlatformSettings.InstanceSettings;
import dev.quiver.local.launch.Archive;
import dev.quiver.local.launch.JvmCatalog;
import dev.quiver.local.launch.LaunchPlan;
import dev.quiver.local.launch.Launcher;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance command line: the launch plan's JVM and archive, and warm-up only for warm-pool instances. */
class ProcessBackendCommandTest {
    static final LaunchPlan AOT =
            new LaunchPlan("/jdk25/bin/java", List.of("-XX:AOTCache=/app/app.aot"), "jdk25-aot", "test", false);

    @TempDir
    Path home;

    ProcessBackend backend;
    FunctionDefinition hello;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(home.resolve("app.jar"), "jar");
        backend = new ProcessBackend(
                new InstanceSettings(
                        "64m",
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(20),
                        Optional.empty(),
                        Archive.AUTO,
                        List.of("-XX:TieredStopAtLevel=1")),
                home,
                Map.of("kafka.bootstrap.servers", "k:9"),
                new Launcher(new JvmCatalog(), Optional.empty(), Archive.AUTO, JvmCatalog.current()));
        hello = new FunctionReader(home)
                .read("name: hello\nartifact: app.jar\njvmOptions: [-Dx=1]\n"
                        + "properties: {quiver.warmup.iterations: '20', greeting: hi}\n");
    }

    @Test
    void anOnDemandStartSkipsTheWarmUpAndOverridesTheFunctionsOwnSetting() {
        List<String> cmd = backend.command(hello, 4711, AOT, Purpose.ON_DEMAND);

        assertThat(cmd).containsSubsequence("-Dquiver.warmup.iterations=20", "-Dquiver.warmup.iterations=0", "-jar");
        assertThat(cmd.get(cmd.size() - 3)).isEqualTo("-Dquiver.warmup.iterations=0");
    }

    @Test
    void aWarmPoolStartKeepsTheFunctionsWarmUp() {
        List<String> cmd = backend.command(hello, 4711, AOT, Purpose.WARM_POOL);

        assertThat(cmd).contains("-Dquiver.warmup.iterations=20").doesNotContain("-Dquiver.warmup.iterations=0");
    }

    @Test
    void onlyAnOnDemandStartGetsTheOnDemandJvmOptionsBeforeTheFunctionsOwn() {
        assertThat(backend.command(hello, 4711, AOT, Purpose.ON_DEMAND))
                .containsSubsequence("-XX:AOTCache=/app/app.aot", "-XX:TieredStopAtLevel=1", "-Dx=1", "-jar");
        assertThat(backend.command(hello, 4711, AOT, Purpose.WARM_POOL)).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theLaunchPlansJvmAndArchiveOptionsComeBeforeTheFunctionsOptionsAndTheJar() {
        List<String> cmd = backend.command(hello, 4711, AOT, Purpose.WARM_POOL);

        assertThat(cmd.get(0)).isEqualTo("/jdk25/bin/java");
        assertThat(cmd)
                .containsSubsequence(
                        "-Xmx64m",
                        "-XX:AOTCache=/app/app.aot",
                        "-Dx=1",
                        "-Dquarkus.http.port=4711",
                        "-Dkafka.bootstrap.servers=k:9",
                        "-Dgreeting=hi",
                        "-jar",
                        home.resolve("app.jar").toString());
    }

    @Test
    void aNativeBinaryIsRunItselfAndStillSkipsTheWarmUpOnDemand() throws Exception {
        Files.writeString(home.resolve("hello-runner"), "elf");
        FunctionDefinition nat = new FunctionReader(home).read("name: hello\nartifact: hello-runner\n");

        List<String> cmd = backend.command(nat, 4711, LaunchPlan.nativeBinary(), Purpose.ON_DEMAND);

        assertThat(cmd.get(0)).isEqualTo(home.resolve("hello-runner").toString());
        assertThat(cmd).contains("-Dquiver.warmup.iterations=0").doesNotContain("-jar", "-Xmx64m");
    }
}
