package dev.quiver.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.control.FunctionRevisions;
import dev.quiver.api.control.RevisionStatus;
import dev.quiver.api.traffic.TrafficEntry;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrafficCommandTest {
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(
                        "rollback: one revision takes all",
                        List.of("hello-00001=100"),
                        List.of(),
                        List.of(TrafficEntry.revision("hello-00001", 100))),
                Arguments.of(
                        "a canary on the latest",
                        List.of("hello-00001=90", "latest=10"),
                        List.of(),
                        List.of(TrafficEntry.revision("hello-00001", 90), TrafficEntry.latest(10))),
                Arguments.of(
                        "a tag without a share: 0 %",
                        List.of("latest=100"),
                        List.of("hello-00001=old"),
                        List.of(
                                TrafficEntry.latest(100),
                                TrafficEntry.revision("hello-00001", 0).withTag("old"))),
                Arguments.of(
                        "a tag on a revision with a share",
                        List.of("latest=100"),
                        List.of("latest=next"),
                        List.of(TrafficEntry.latest(100).withTag("next"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void optionsBecomeTrafficEntries(String label, List<String> to, List<String> tags, List<TrafficEntry> expected) {
        assertThat(TrafficCommand.entries(to, tags)).isEqualTo(expected);
    }

    @Test
    void aMalformedShareIsAUsageError() {
        assertThatThrownBy(() -> TrafficCommand.entries(List.of("hello-00001"), List.of()))
                .hasMessageContaining("--to hello-00001: expected <rev|latest>=<value>");
        assertThatThrownBy(() -> TrafficCommand.entries(List.of("latest=all"), List.of()))
                .hasMessageContaining("the percent must be a whole number");
    }

    @Test
    void revisionsAreListedWithShareTagsAndReadyInstances() {
        String table = RevisionsCommand.render(new FunctionRevisions(
                "hello",
                List.of(
                        new RevisionStatus(
                                "hello-00001",
                                "2026-11-28T07:00:00Z",
                                "sha256:0123456789abcdef",
                                90,
                                List.of(),
                                2,
                                false),
                        new RevisionStatus(
                                "hello-00002",
                                "2026-11-28T07:05:00Z",
                                "sha256:fedcba9876543210",
                                10,
                                List.of("canary"),
                                1,
                                true)),
                List.of()));
        assertThat(table)
                .contains("hello-00001  2026-11-28T07:00:00Z  0123456789ab  90%")
                .contains("hello-00002  2026-11-28T07:05:00Z  fedcba987654  10%      canary      1  latest");
        assertThat(StatusCommand.traffic(new FunctionRevisions(
                        "hello",
                        List.of(new RevisionStatus("hello-00002", "t", "sha256:ab", 100, List.of("next"), 1, true)),
                        List.of())))
                .isEqualTo("  traffic: hello-00002 100% @next (latest)\n");
    }
}
