package dev.quiver.scaler.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the CLI on the examples shipped under scaler/examples and checks what the scaler did. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    List<JsonNode> simulate(String spec, String trace) {
        Path out = tmp.resolve(spec + ".jsonl");
        Cli cli = Cli.run(
                "simulate",
                "--function",
                EXAMPLES.resolve(spec + ".yaml").toString(),
                "--trace",
                EXAMPLES.resolve(trace + ".jsonl").toString(),
                "--out",
                out.toString());
        assertThat(cli.err()).isEmpty();
        assertThat(cli.exit()).isZero();
        try {
            return Files.readAllLines(out).stream().map(ExamplesTest::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void steadyLoadHoldsFiveInstancesWithoutPanic() {
        List<JsonNode> rows = simulate("steady", "steady");
        assertThat(rows).hasSize(150);
        assertThat(rows).noneMatch(r -> r.get("panicking").asBoolean());
        assertThat(rows).allSatisfy(r -> assertThat(r.get("desired").asInt()).isEqualTo(5));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("ready").asInt()).isEqualTo(5));
        // 5 x 100 - 211 - ~320 in flight: less headroom than the target burst capacity, so the activator stays
        assertThat(rows)
                .allSatisfy(r -> assertThat(r.get("mode").asText())
                        .isEqualTo(r.get("excessBurstCapacity").asDouble() < 0 ? "proxy" : "serve"));
        assertThat(rows).anyMatch(r -> r.get("mode").asText().equals("proxy"));
    }

    @Test
    void burstPanicsAtOncePromotesFromThePoolAndCalmsDownAfterAStableWindow() {
        List<JsonNode> rows = simulate("burst", "burst");
        JsonNode first = at(rows, 60);
        assertThat(first.get("panicking").asBoolean())
                .as("panics on the first tick of the burst")
                .isTrue();
        assertThat(first.get("mode").asText()).isEqualTo("proxy");
        assertThat(texts(first.get("actions"))).startsWith("promote i2", "promote i3");
        assertThat(rows.stream().mapToInt(r -> r.get("desired").asInt()).max().orElseThrow())
                .isEqualTo(18);
        // the last tick over the threshold is 62 (ceil(650/70) = 10 >= 2 x 5 ready; at 64 15 < 2 x 10): panic ends
        // on the first tick more than a stable window later
        assertThat(rows.stream()
                        .filter(r -> r.get("panicking").asBoolean())
                        .mapToDouble(r -> r.get("t").asDouble())
                        .max()
                        .orElseThrow())
                .isEqualTo(122);
        assertThat(at(rows, 122).get("desired").asInt())
                .as("held at the panic's highest")
                .isEqualTo(18);
        assertThat(at(rows, 124).get("panicking").asBoolean()).isFalse();
        assertThat(at(rows, 124).get("desired").asInt())
                .as("stable again: 9 (halved at most)")
                .isEqualTo(9);
        assertThat(rows.get(rows.size() - 1).get("desired").asInt()).isEqualTo(2);
        assertThat(rows.get(rows.size() - 1).get("warm").asInt()).isEqualTo(2);
    }

    @Test
    void lullReachesZeroAfterStableWindowPlusGraceKeepsThePoolAndWakesOnAPoke() {
        List<JsonNode> rows = simulate("lull", "lull");
        double firstZero = rows.stream()
                .filter(r -> r.get("desired").asInt() == 0)
                .mapToDouble(r -> r.get("t").asDouble())
                .min()
                .orElseThrow();
        assertThat(firstZero)
                .as("last request in second 59: 60 + stable window 60 + grace 30")
                .isEqualTo(150);
        assertThat(at(rows, 148).get("reason").asText()).contains("idle: activator in path");
        assertThat(at(rows, 148).get("mode").asText()).isEqualTo("proxy");
        assertThat(at(rows, 180).get("ready").asInt()).isZero();
        assertThat(at(rows, 180).get("warm").asInt()).as("pool kept at zero").isEqualTo(1);
        JsonNode poke = rows.stream()
                .filter(r -> r.get("event").asText().equals("poke"))
                .findFirst()
                .orElseThrow();
        assertThat(poke.get("t").asDouble()).isEqualTo(200);
        assertThat(poke.get("desired").asInt()).isEqualTo(1);
        assertThat(texts(poke.get("actions"))).first().asString().startsWith("promote");
        assertThat(at(rows, 202).get("ready").asInt()).as("promoted in 5 ms").isEqualTo(1);
    }

    @Test
    void backlogScalesToThePartitionCountAndBackToZero() {
        List<JsonNode> rows = simulate("backlog", "backlog");
        assertThat(at(rows, 18).get("desired").asInt()).isZero();
        assertThat(texts(at(rows, 20).get("actions"))).containsExactly("start 6");
        assertThat(rows.stream().mapToInt(r -> r.get("desired").asInt()).max().orElseThrow())
                .isEqualTo(6);
        assertThat(at(rows, 40).get("reason").asText()).contains("(cap 6)");
        double lagZero = rows.stream()
                .filter(r -> r.get("t").asDouble() > 20 && r.get("lag").asLong() == 0)
                .mapToDouble(r -> r.get("t").asDouble())
                .min()
                .orElseThrow();
        double zero = rows.stream()
                .filter(r -> r.get("t").asDouble() > 20 && r.get("desired").asInt() == 0)
                .mapToDouble(r -> r.get("t").asDouble())
                .min()
                .orElseThrow();
        assertThat(zero - lagZero).as("lag 0 for the grace period (30 s)").isEqualTo(30);
        assertThat(rows.get(rows.size() - 1).get("ready").asInt()).isZero();
    }

    @Test
    void rateBasedBacklogUsesFewerInstancesAndStillDrains() {
        List<JsonNode> rows = simulate("backlog-rate", "backlog");
        assertThat(rows.stream()
                        .filter(r -> r.get("t").asDouble() >= 36)
                        .mapToInt(r -> r.get("desired").asInt())
                        .max()
                        .orElseThrow())
                .isLessThan(6);
        assertThat(at(rows, 40).get("reason").asText()).contains("25/s per instance");
        assertThat(rows.get(rows.size() - 1).get("desired").asInt()).isZero();
    }

    @Test
    void writesAReadableSvgAndPrintsToStdoutWithoutOut() throws IOException {
        Path svg = tmp.resolve("burst.svg");
        Cli cli = Cli.run(
                "simulate",
                "--function",
                EXAMPLES.resolve("burst.yaml").toString(),
                "--trace",
                EXAMPLES.resolve("burst.jsonl").toString(),
                "--svg",
                svg.toString());
        assertThat(cli.exit()).isZero();
        assertThat(cli.out().lines())
                .hasSize(120)
                .allSatisfy(l -> assertThat(parse(l).has("desired")).isTrue());
        String text = Files.readString(svg);
        assertThat(text)
                .startsWith("<svg")
                .contains(
                        "time (s)",
                        ">desired<",
                        ">ready<",
                        ">warm pool<",
                        ">panic mode<",
                        "Quiver scaler simulation: burst")
                .endsWith("</svg>\n");
    }

    @Test
    void outputFieldsFollowTheDocumentedOrder() {
        JsonNode row = simulate("steady", "steady").get(0);
        List<String> names = new java.util.ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .startsWith(
                        "t",
                        "stable",
                        "panic",
                        "desired",
                        "ready",
                        "warm",
                        "panicking",
                        "mode",
                        "excessBurstCapacity",
                        "reason");
    }

    static JsonNode at(List<JsonNode> rows, double t) {
        return rows.stream()
                .filter(r ->
                        r.get("t").asDouble() == t && r.get("event").asText().equals("tick"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tick at " + t));
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
