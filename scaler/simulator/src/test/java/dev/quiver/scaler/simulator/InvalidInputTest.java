package dev.quiver.scaler.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad spec files and trace lines fail with the file, the line and the reason. */
class InvalidInputTest {
    static final String GOOD_TRACE = "{\"t\": 0, \"concurrency\": 5}\n";
    static final String GOOD_SPEC = "name: f\n";

    @TempDir
    Path tmp;

    static Stream<Arguments> badSpec() {
        return Stream.of(
                Arguments.of(
                        "rule broken",
                        "name: f\nscale:\n  maxScale: -1\n",
                        "spec.yaml:3: scale.maxScale: must be >= 0 (0 = unbounded), was -1"),
                Arguments.of(
                        "unknown key",
                        "name: f\nscale:\n  minScale: 1\n  maxScal: 3\n",
                        "spec.yaml:4: scale.maxScal: is not a known key"),
                Arguments.of(
                        "wrong type",
                        "scale:\n  stableWindow: soon\n",
                        "spec.yaml:2: scale.stableWindow: must be a duration such as 30s"),
                Arguments.of(
                        "rule across keys",
                        "scale:\n  minScale: 5\n  maxScale: 2\n",
                        "spec.yaml:3: scale.maxScale: must be >= minScale (5) or 0, was 2"),
                Arguments.of(
                        "lag rule",
                        "triggers: [kafka]\nlag:\n  lagThreshold: 0\n",
                        "spec.yaml:3: lag.lagThreshold: must be > 0, was 0"),
                Arguments.of(
                        "simulation setting",
                        "simulation:\n  coldStartSeconds: -2\n",
                        "spec.yaml:2: simulation.coldStartSeconds: must be a number of seconds"),
                Arguments.of("not YAML", "name: f\nscale: [\n", "spec.yaml:2: not valid YAML"),
                Arguments.of("not a map", "- a\n- b\n", "spec.yaml:1: the document must be a map of settings"),
                Arguments.of(
                        "JSON is YAML too",
                        "{\"scale\": {\"warmPool\": -1}}",
                        "spec.yaml:1: scale.warmPool: must be >= 0, was -1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badSpec(String label, String spec, String message) throws IOException {
        Cli cli = run(spec, GOOD_TRACE);
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err())
                .startsWith("error: " + tmp.resolve(message.substring(0, message.indexOf(':'))))
                .contains(message);
        assertThat(cli.out()).isEmpty();
    }

    static Stream<Arguments> badTrace() {
        return Stream.of(
                Arguments.of("not JSON", GOOD_TRACE + "{\"t\": 1, concurrency: 5}\n", "trace.jsonl:2: not valid JSON"),
                Arguments.of(
                        "missing t",
                        GOOD_TRACE + "{\"concurrency\": 5}\n",
                        "trace.jsonl:2: \"t\" must be a whole number of seconds >= 0, was null"),
                Arguments.of(
                        "t goes back",
                        GOOD_TRACE + "{\"t\": 3}\n{\"t\": 2}\n",
                        "trace.jsonl:3: \"t\" must increase from line to line, was 2 after 3"),
                Arguments.of(
                        "negative concurrency",
                        "{\"t\": 0, \"concurrency\": -1}\n",
                        "trace.jsonl:1: \"concurrency\" must be a number >= 0, was -1"),
                Arguments.of(
                        "concurrency not a number",
                        "{\"t\": 0, \"concurrency\": \"lots\"}\n",
                        "trace.jsonl:1: \"concurrency\" must be a number >= 0, was \"lots\""),
                Arguments.of(
                        "unknown field",
                        "\n\n{\"t\": 0, \"concurency\": 3}\n",
                        "trace.jsonl:3: \"concurency\" is not a known field"),
                Arguments.of(
                        "lag without end",
                        "{\"t\": 0, \"lag\": {\"0\": {\"committed\": 3}}}\n",
                        "trace.jsonl:1: lag partition \"0\": \"end\" must be a whole number >= 0, was null"),
                Arguments.of(
                        "lag not an object",
                        "{\"t\": 0, \"lag\": 12}\n",
                        "trace.jsonl:1: \"lag\" must map partitions to"),
                Arguments.of("line not an object", "[1, 2]\n", "trace.jsonl:1: each line must be a JSON object"),
                Arguments.of("empty trace", "\n", "trace.jsonl: the trace has no lines"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badTrace(String label, String trace, String message) throws IOException {
        Cli cli = run(GOOD_SPEC, trace);
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).contains(tmp.resolve("trace.jsonl").toString()).contains(message);
    }

    @Test
    void missingFileIsNamed() {
        Cli cli = Cli.run("simulate", "--function", tmp.resolve("nope.yaml").toString(), "--trace", "x.jsonl");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).contains("nope.yaml: file not found");
    }

    @Test
    void neverCommittedOffsetsAreAccepted() throws IOException {
        Cli cli = run(
                "triggers: [kafka]\nlag: {}\n",
                "{\"t\": 0, \"lag\": {\"0\": {\"end\": 5, \"committed\": null}, \"1\": {\"end\": 5}}}\n");
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out())
                .as("latest: a never-committed partition counts 1")
                .contains("\"lag\":2")
                .contains("\"desired\":1");
    }

    @Test
    void helpNamesTheOptions() {
        Cli top = Cli.run("--help");
        assertThat(top.exit()).isZero();
        assertThat(top.out()).contains("simulate");
        Cli sim = Cli.run("simulate", "--help");
        assertThat(sim.exit()).isZero();
        assertThat(sim.out()).contains("--function", "--trace", "--out", "--svg");
        Cli missing = Cli.run("simulate");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required options");
    }

    private Cli run(String spec, String trace) throws IOException {
        Path s = Files.writeString(tmp.resolve("spec.yaml"), spec);
        Path t = Files.writeString(tmp.resolve("trace.jsonl"), trace);
        return Cli.run("simulate", "--function", s.toString(), "--trace", t.toString());
    }
}
