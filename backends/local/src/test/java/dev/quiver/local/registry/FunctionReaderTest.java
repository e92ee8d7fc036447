package dev.quiver.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.local.launch.Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionReaderTest {
    @TempDir
    Path home;

    FunctionReader reader;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(home.resolve("app.jar"), "jar");
        reader = new FunctionReader(home);
    }

    @Test
    void readsEveryPlatformKeyAndTheScalingKeysThroughScalerCore() {
        FunctionDefinition f = reader.read("""
                name: orders
                artifact: app.jar
                jvmOptions: [-XX:TieredStopAtLevel=1]
                properties: {quiver.container-concurrency: 4}
                env: {REGION: eu}
                scale: {target: 5, warmPool: 2, maxScale: 6}
                triggers:
                  broker: {broker: default, filters: [{prefix: {type: com.example.}}]}
                  kafka: {topic: orders, lag: {lagThreshold: 50}}
                """);

        assertThat(f.name()).isEqualTo("orders");
        assertThat(f.artifact()).isEqualTo(home.resolve("app.jar"));
        assertThat(f.jvm()).isTrue();
        assertThat(f.jvmOptions()).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(f.properties()).containsEntry("quiver.container-concurrency", "4");
        assertThat(f.env()).containsEntry("REGION", "eu");
        assertThat(f.scaling().scale().warmPool()).isEqualTo(2);
        assertThat(f.scaling().scale().maxScale()).isEqualTo(6);
        assertThat(f.scaling().http()).isTrue();
        assertThat(f.scaling().kafka()).isTrue();
        assertThat(f.scaling().lag().lagThreshold()).isEqualTo(50);
        assertThat(f.kafka().orElseThrow().group()).isEqualTo("quiver-orders");
        assertThat(f.broker().orElseThrow().broker()).isEqualTo("default");
    }

    @Test
    void withoutTriggersAFunctionIsHttpTriggered() {
        FunctionDefinition f = reader.read("name: hello\nartifact: app.jar\n");

        assertThat(f.scaling().http()).isTrue();
        assertThat(f.scaling().kafka()).isFalse();
        assertThat(f.kafka()).isEmpty();
    }

    @Test
    void emptyTriggersMeanAnHttpFunctionAsOnKubernetes() {
        FunctionDefinition f = reader.read("name: hello\nartifact: app.jar\ntriggers: {}\n");

        assertThat(f.scaling().http()).isTrue();
        assertThat(f.broker()).isEmpty();
    }

    @Test
    void theArchiveChoicesOfTheSharedReaderAreTheLaunchersArchives() {
        assertThat(String.join(", ", dev.quiver.api.function.FunctionDocument.Jvm.ARCHIVES))
                .isEqualTo(Archive.choices());
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("missing name", "artifact: app.jar", "name: is required"),
                Arguments.of("missing artifact", "name: a", "artifact: is required"),
                Arguments.of(
                        "artifact not built",
                        "name: a\nartifact: nope.jar",
                        "artifact: must be an existing runner jar or native binary (build it first), was \"nope.jar\""),
                Arguments.of("bad name", "name: Hello_World\nartifact: app.jar", "name: must be a DNS label"),
                Arguments.of(
                        "unknown top key", "name: a\nartifact: app.jar\nreplicas: 3", "replicas: is not a known key"),
                Arguments.of(
                        "scale rule",
                        "name: a\nartifact: app.jar\nscale: {minScale: 5, maxScale: 2}",
                        "scale.maxScale: must be >= minScale (5) or 0, was 2"),
                Arguments.of(
                        "unknown scale key",
                        "name: a\nartifact: app.jar\nscale: {replicas: 2}",
                        "scale.replicas: is not a known key"),
                Arguments.of(
                        "lag rule",
                        "name: a\nartifact: app.jar\ntriggers: {kafka: {topic: t, lag: " + "{lagThreshold: 0}}}",
                        "triggers.kafka.lag.lagThreshold: must be > 0"),
                Arguments.of(
                        "kafka without topic",
                        "name: a\nartifact: app.jar\ntriggers: {kafka: {group: g}}",
                        "triggers.kafka.topic: is required"),
                Arguments.of(
                        "unknown trigger",
                        "name: a\nartifact: app.jar\ntriggers: {cron: {}}",
                        "triggers.cron: is not a known key"),
                Arguments.of(
                        "properties not plain",
                        "name: a\nartifact: app.jar\nproperties: {a: {b: c}}",
                        "properties.a: must be a plain value"),
                Arguments.of(
                        "unknown archive",
                        "name: a\nartifact: app.jar\njvm: {archive: fast}",
                        "jvm.archive: must be one of auto, aot, appcds, none, was \"fast\""),
                Arguments.of(
                        "unknown jvm key",
                        "name: a\nartifact: app.jar\njvm: {heap: 1g}",
                        "jvm.heap: is not a known key"),
                Arguments.of(
                        "empty java",
                        "name: a\nartifact: app.jar\njvm: {java: ''}",
                        "jvm.java: must be a non-empty string"),
                Arguments.of(
                        "unknown filter dialect",
                        "name: a\nartifact: app.jar\ntriggers: {broker: {filters: " + "[{regex: x}]}}",
                        "triggers.broker.filters[0]: has an unknown dialect"),
                Arguments.of(
                        "bad delivery",
                        "name: a\nartifact: app.jar\ntriggers: {broker: {delivery: " + "{retry: -1}}}",
                        "triggers.broker.delivery.retry: must be an integer >= 0, was -1"),
                Arguments.of("env name", "name: a\nartifact: app.jar\nenv: {1x: y}", "env.1x: must be a C identifier"),
                Arguments.of(
                        "image is Kubernetes only",
                        "name: a\nartifact: app.jar\nimage: x",
                        "image: is not a known key"),
                Arguments.of("not a map", "- a\n- b", "the document: must be a map of settings"),
                Arguments.of("not YAML", "name: [a", "not valid YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenDocumentIsRejectedNamingTheKeyAndReason(String label, String document, String problem) {
        assertThatThrownBy(() -> reader.read(document))
                .isInstanceOf(InvalidFunctionException.class)
                .satisfies(e -> assertThat(((InvalidFunctionException) e).problems())
                        .anySatisfy(p -> assertThat(p).contains(problem)));
    }

    @Test
    void aFunctionMayChooseItsOwnJavaAndArchiveAndAChangeRollsItsInstances() {
        reader = new FunctionReader(
                home,
                java.util.List.of(home),
                j -> j.equals("/opt/jdk25/bin/java") ? java.util.Optional.empty() : java.util.Optional.of("unknown"));
        FunctionDefinition plain = reader.read("name: a\nartifact: app.jar\n");
        FunctionDefinition own =
                reader.read("name: a\nartifact: app.jar\njvm: {java: /opt/jdk25/bin/java, " + "archive: none}\n");

        assertThat(plain.launch()).isEqualTo(LaunchOverride.NONE);
        assertThat(own.launch().java()).contains("/opt/jdk25/bin/java");
        assertThat(own.launch().archive()).contains(Archive.NONE);
        assertThat(own.needsRollFrom(plain)).isTrue();
    }

    @Test
    void theExampleSpecsAreValid() {
        Path repo = Path.of("../..").toAbsolutePath().normalize();
        FunctionRegistry registry = new FunctionRegistry(new FunctionReader(repo));
        Path specs = repo.resolve("functions-examples/specs");
        assertThat(specs).isDirectory();
        // artifacts may not be built in a unit-test run: check everything else
        try {
            registry.readAll(specs);
        } catch (InvalidFunctionException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p).contains("artifact: must be an existing"));
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "a system program",
                        "artifact: /bin/sh",
                        "artifact: must resolve (symbolic links "
                                + "followed) inside the platform's home or quiver.platform.artifact-dirs"),
                Arguments.of("a path out of home", "artifact: ../OUTSIDE/app.jar", "artifact: must resolve"),
                Arguments.of("a symbolic link out of home", "artifact: link.jar", "artifact: must resolve"),
                Arguments.of(
                        "a shell as java",
                        "artifact: app.jar\njvm: {java: /bin/sh}",
                        "jvm.java: must be the bin/java of an installed JDK"),
                Arguments.of(
                        "a JDK look-alike outside the JDK directories",
                        "artifact: app.jar\njvm: {java: " + "fakejdk/bin/java}",
                        "jvm.java: must be a JDK installed in one of"),
                Arguments.of(
                        "LD_PRELOAD",
                        "artifact: app.jar\nenv: {LD_PRELOAD: /tmp/x.so}",
                        "env.LD_PRELOAD: must not be a dynamic linker variable"),
                Arguments.of(
                        "OnOutOfMemoryError",
                        "artifact: app.jar\njvmOptions: [\"-XX:OnOutOfMemoryError=sh x\"]",
                        "jvmOptions[0]: must not be -XX:OnOutOfMemoryError"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void whatWouldRunAnythingIsRefusedNamingTheKeyAndRule(String label, String keys, String problem) throws Exception {
        Path outside = Files.createDirectories(home.resolveSibling(home.getFileName() + "-outside"));
        Files.writeString(outside.resolve("app.jar"), "jar");
        Files.deleteIfExists(home.resolve("link.jar"));
        Files.createSymbolicLink(home.resolve("link.jar"), outside.resolve("app.jar"));
        Path fake = Files.createDirectories(home.resolve("fakejdk/bin"));
        Files.writeString(home.resolve("fakejdk/release"), "JAVA_VERSION=\"17\"\n");
        Files.writeString(fake.resolve("java"), "#!/bin/sh\n");
        fake.resolve("java").toFile().setExecutable(true);
        String document = "name: a\n"
                + keys.replace("fakejdk/", home + "/fakejdk/")
                        .replace("OUTSIDE", outside.getFileName().toString()) + "\n";

        assertThatThrownBy(() -> reader.read(document))
                .isInstanceOf(InvalidFunctionException.class)
                .satisfies(e -> assertThat(((InvalidFunctionException) e).problems())
                        .anySatisfy(p -> assertThat(p).contains(problem)));
    }

    @Test
    void anArtifactInAConfiguredDirectoryIsAccepted() throws Exception {
        Path dir = Files.createDirectories(home.resolveSibling(home.getFileName() + "-artifacts"));
        Files.writeString(dir.resolve("app.jar"), "jar");

        FunctionDefinition f = new FunctionReader(home, java.util.List.of(home, dir), j -> java.util.Optional.empty())
                .read("name: a\nartifact: " + dir.resolve("app.jar") + "\n");

        assertThat(f.artifact()).isEqualTo(dir.resolve("app.jar"));
    }

    @Test
    void thePlatformsOwnJdkIsKnown() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        FunctionDefinition f = reader.read("name: a\nartifact: app.jar\njvm: {java: " + java + "}\n");

        assertThat(f.launch().java()).contains(java);
    }
}
