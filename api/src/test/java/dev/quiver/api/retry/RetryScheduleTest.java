package dev.quiver.api.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryScheduleTest {

    static final Duration D100 = Duration.ofMillis(100);

    static RetrySchedule linear(Duration max) {
        return new RetrySchedule(5, BackoffPolicy.LINEAR, D100, max, 0);
    }

    static RetrySchedule exponential(Duration max) {
        return RetrySchedule.exponential(5, D100, max, 0);
    }

    static Stream<Arguments> delays() {
        Duration none = RetrySchedule.UNBOUNDED;
        return Stream.of(
                Arguments.of("nothing waits before the first attempt", linear(none), 0, 0L),
                Arguments.of("linear 1st retry: delay", linear(none), 1, 100L),
                Arguments.of("linear 2nd retry: delay x 2", linear(none), 2, 200L),
                Arguments.of("linear 3rd retry: delay x 3", linear(none), 3, 300L),
                Arguments.of("linear capped", linear(Duration.ofMillis(250)), 3, 250L),
                Arguments.of("exponential 1st retry: delay", exponential(none), 1, 100L),
                Arguments.of("exponential 2nd retry: delay x 2", exponential(none), 2, 200L),
                Arguments.of("exponential 4th retry: delay x 8", exponential(none), 4, 800L),
                Arguments.of("exponential capped", exponential(Duration.ofMillis(250)), 3, 250L),
                Arguments.of(
                        "exponential 80th retry capped, no overflow", exponential(Duration.ofSeconds(10)), 80, 10_000L),
                Arguments.of("exponential 80th retry uncapped, no overflow", exponential(none), 80, none.toMillis()),
                Arguments.of(
                        "linear huge retry uncapped, no overflow",
                        new RetrySchedule(1, BackoffPolicy.LINEAR, Duration.ofDays(365), none, 0),
                        Integer.MAX_VALUE,
                        none.toMillis()),
                Arguments.of(
                        "zero delay retries at once", RetrySchedule.exponential(3, Duration.ZERO, D100, 0), 3, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delays")
    void delayBeforeRetry(String label, RetrySchedule schedule, int retry, long expectedMillis) {
        assertThat(schedule.delayBefore(retry).toMillis()).isEqualTo(expectedMillis);
    }

    static Stream<Arguments> jittered() {
        RetrySchedule twenty = RetrySchedule.exponential(5, D100, Duration.ofMillis(1000), 0.2);
        return Stream.of(
                Arguments.of("random 0.5 gives the scheduled delay", twenty, 2, 0.5, 200L),
                Arguments.of("random 0 gives the longest: + jitter", twenty, 2, 0.0, 240L),
                Arguments.of("random 1 gives the shortest: - jitter", twenty, 2, 1.0, 160L),
                Arguments.of("random 0.25 is halfway up", twenty, 1, 0.25, 110L),
                Arguments.of("never above the cap", twenty, 4, 0.0, 960L),
                Arguments.of("at the cap jitter only shortens", twenty, 5, 0.0, 1000L),
                Arguments.of("at the cap, shortest", twenty, 5, 1.0, 800L),
                Arguments.of("no jitter: random ignored", twenty.withJitter(0), 2, 0.0, 200L),
                Arguments.of("full jitter can reach zero", twenty.withJitter(1), 2, 1.0, 0L),
                Arguments.of("nothing to spread before the first attempt", twenty, 0, 0.0, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jittered")
    void delayBeforeRetryWithJitter(
            String label, RetrySchedule schedule, int retry, double random, long expectedMillis) {
        assertThat(schedule.delayBefore(retry, random).toMillis()).isEqualTo(expectedMillis);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "negative retries",
                        (Runnable) () -> RetrySchedule.exponential(-1, D100, D100, 0),
                        "retries must be >= 0, but was -1"),
                Arguments.of(
                        "negative delay",
                        (Runnable) () -> RetrySchedule.exponential(1, Duration.ofMillis(-1), D100, 0),
                        "delay must not be negative"),
                Arguments.of(
                        "cap below the delay",
                        (Runnable) () -> RetrySchedule.exponential(1, D100, Duration.ofMillis(50), 0),
                        "maxDelay must be >= delay (PT0.1S), but was PT0.05S"),
                Arguments.of(
                        "jitter above 1",
                        (Runnable) () -> RetrySchedule.exponential(1, D100, D100, 1.5),
                        "jitter must be between 0 and 1, but was 1.5"),
                Arguments.of(
                        "jitter NaN",
                        (Runnable) () -> RetrySchedule.exponential(1, D100, D100, Double.NaN),
                        "jitter must be between 0 and 1"),
                Arguments.of(
                        "no policy",
                        (Runnable) () -> new RetrySchedule(1, null, D100, D100, 0),
                        "policy must be linear or exponential"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void badScheduleNamesTheField(String label, Runnable build, String message) {
        assertThatThrownBy(build::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void failsafePolicyRetriesAsOftenAsScheduledAndWaitsTheScheduledDelays() {
        RetrySchedule schedule = RetrySchedule.exponential(3, Duration.ofMillis(2), Duration.ofMillis(5), 0.5);
        List<Duration> waits = new ArrayList<>();
        int[] calls = {0};
        RetryPolicy<Integer> policy = schedule.<Integer>policy(() -> 0.5)
                .handleResultIf(status -> status >= 500)
                .onRetryScheduled(e -> waits.add(e.getDelay()))
                .build();

        Integer last = Failsafe.with(policy).get(() -> {
            calls[0]++;
            return 503;
        });

        assertThat(last).isEqualTo(503);
        assertThat(calls[0]).isEqualTo(schedule.maxAttempts());
        assertThat(waits).containsExactly(Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofMillis(5));
    }

    @Test
    void failsafePolicyWaitIsAdjustedByTheFailedResult() {
        RetrySchedule schedule = RetrySchedule.exponential(2, Duration.ofMillis(1), Duration.ofMillis(1), 0);
        Deque<Integer> script = new ArrayDeque<>(List.of(429, 500, 200));
        List<Duration> waits = new ArrayList<>();
        RetryPolicy<Integer> policy = schedule.<Integer>policy(
                        () -> 0.5, (scheduled, status) -> status == 429 ? Duration.ofMillis(7) : scheduled)
                .handleResultIf(status -> status >= 400)
                .onRetryScheduled(e -> waits.add(e.getDelay()))
                .build();

        assertThat(Failsafe.with(policy).get(script::poll)).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofMillis(7), Duration.ofMillis(1));
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        int[] calls = {0};
        RetryPolicy<Integer> policy = RetrySchedule.exponential(0, D100, D100, 0.2)
                .<Integer>policy(() -> 0.5)
                .handleResultIf(status -> status >= 500)
                .build();

        assertThat(Failsafe.with(policy).get(() -> ++calls[0] * 0 + 500)).isEqualTo(500);
        assertThat(calls[0]).isEqualTo(1);
    }
}
