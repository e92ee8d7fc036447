package dev.quiver.scaler.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.scaler.traffic.TrafficTarget;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TraceSplitTest {
    @Test
    void eachRevisionGetsItsShareOfTheRequestsAndOfTheConcurrency() {
        List<TraceLine> trace = LongStream.range(0, 20)
                .mapToObj(t -> new TraceLine(t, 10, 100, null))
                .toList();
        Map<String, List<TraceLine>> split =
                TraceSplit.split(trace, List.of(new TrafficTarget("a", 90, null), new TrafficTarget("b", 10, null)), 1);

        double a = split.get("a").stream().mapToDouble(TraceLine::rps).sum();
        double b = split.get("b").stream().mapToDouble(TraceLine::rps).sum();
        assertThat(a + b).isEqualTo(2000);
        assertThat(b / 2000).isBetween(0.07, 0.13);
        assertThat(split.get("a").get(0).concurrency() + split.get("b").get(0).concurrency())
                .isCloseTo(10, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aRevisionWithoutAShareIsNotSimulated() {
        assertThat(TraceSplit.split(
                                List.of(new TraceLine(0, 1, 1, null)),
                                List.of(new TrafficTarget("a", 100, null), new TrafficTarget("b", 0, "old")),
                                1)
                        .keySet())
                .containsExactly("a");
    }

    @Test
    void theCommandLineReplaysATraceAgainstASplit() {
        Cli r = Cli.run(
                "simulate",
                "--function",
                "../examples/steady.yaml",
                "--trace",
                "../examples/steady.jsonl",
                "--split",
                "v1=90,v2=10");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("{\"revision\":\"v1\",").contains("{\"revision\":\"v2\",");
        assertThat(Cli.run(
                                "simulate",
                                "--function",
                                "../examples/steady.yaml",
                                "--trace",
                                "../examples/steady.jsonl",
                                "--split",
                                "v1=90")
                        .err())
                .contains("--split: the percents must add up to 100, was 90");
    }
}
