package dev.quiver.local.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestartPolicyTest {
    private static final RestartPolicy POLICY =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofSeconds(60));
    private static final RestartPolicy ALWAYS =
            new RestartPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), 0, Duration.ofSeconds(60));
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "first crash: restart after the initial backoff",
                        POLICY,
                        0,
                        5,
                        new RestartPolicy.Restart(1, Duration.ofSeconds(1))),
                Arguments.of(
                        "second crash in a row: the backoff doubles",
                        POLICY,
                        1,
                        5,
                        new RestartPolicy.Restart(2, Duration.ofSeconds(2))),
                Arguments.of(
                        "fourth crash in a row: 8 s",
                        POLICY,
                        3,
                        5,
                        new RestartPolicy.Restart(4, Duration.ofSeconds(8))),
                Arguments.of(
                        "a long run resets the count",
                        POLICY,
                        4,
                        60,
                        new RestartPolicy.Restart(1, Duration.ofSeconds(1))),
                Arguments.of(
                        "past max-restarts: give up",
                        POLICY,
                        5,
                        5,
                        new RestartPolicy.GiveUp(
                                6, "6 crashes in a row, each within 60 s of its start " + "(max-restarts 5)")),
                Arguments.of(
                        "the backoff is capped", ALWAYS, 40, 1, new RestartPolicy.Restart(41, Duration.ofSeconds(5))),
                Arguments.of(
                        "max-restarts 0 never gives up",
                        ALWAYS,
                        1000,
                        0,
                        new RestartPolicy.Restart(1001, Duration.ofSeconds(5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String label, RestartPolicy policy, int crashesBefore, int ranSeconds, RestartPolicy.Decision want) {
        assertThat(policy.afterExit(crashesBefore, T0, T0.plusSeconds(ranSeconds)))
                .isEqualTo(want);
    }
}
