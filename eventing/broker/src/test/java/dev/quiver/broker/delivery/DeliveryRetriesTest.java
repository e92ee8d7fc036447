package dev.quiver.broker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.quiver.api.retry.BackoffPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Knative's delivery rules on the shared schedule: what is retried, how often, after how long. */
class DeliveryRetriesTest {

    private static DeliverySpec spec(int retry, BackoffPolicy policy, String retryAfterMax) {
        return new DeliverySpec(
                retry,
                policy,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.parse(retryAfterMax),
                Optional.empty());
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("200 delivered", 200, AttemptOutcome.DELIVERED),
                Arguments.of("202 delivered", 202, AttemptOutcome.DELIVERED),
                Arguments.of("no answer retried", 0, AttemptOutcome.RETRY),
                Arguments.of("400 not retried", 400, AttemptOutcome.FAIL),
                Arguments.of("401 not retried", 401, AttemptOutcome.FAIL),
                Arguments.of("404 retried", 404, AttemptOutcome.RETRY),
                Arguments.of("409 retried", 409, AttemptOutcome.RETRY),
                Arguments.of("413 not retried", 413, AttemptOutcome.FAIL),
                Arguments.of("429 retried", 429, AttemptOutcome.RETRY),
                Arguments.of("500 retried", 500, AttemptOutcome.RETRY),
                Arguments.of("503 retried", 503, AttemptOutcome.RETRY),
                Arguments.of("302 not retried", 302, AttemptOutcome.FAIL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void statusesAreClassifiedAsKnative(String label, int status, AttemptOutcome expected) {
        assertThat(AttemptOutcome.classify(status)).isEqualTo(expected);
    }

    @Test
    void a2xxWhoseReplyWasNotStoredIsRetriedAndSaysWhy() {
        AttemptResult stored = new AttemptResult(200, new byte[0], Optional.empty(), Optional.empty());
        AttemptResult notStored = stored.withReplyNotStored("RecordTooLargeException");
        assertThat(stored.outcome()).isEqualTo(AttemptOutcome.DELIVERED);
        assertThat(notStored.outcome()).isEqualTo(AttemptOutcome.RETRY);
        assertThat(notStored.status()).isEqualTo(200);
        assertThat(new String(notStored.body())).isEqualTo("reply not stored: RecordTooLargeException");
    }

    static Stream<Arguments> schedules() {
        return Stream.of(
                Arguments.of("linear 1st retry", spec(5, BackoffPolicy.LINEAR, "PT60S"), 1, 500, null, 100L),
                Arguments.of("linear 3rd retry", spec(5, BackoffPolicy.LINEAR, "PT60S"), 3, 500, null, 300L),
                Arguments.of("exponential 1st retry", spec(5, BackoffPolicy.EXPONENTIAL, "PT60S"), 1, 500, null, 100L),
                Arguments.of("exponential 4th retry", spec(5, BackoffPolicy.EXPONENTIAL, "PT60S"), 4, 500, null, 800L),
                Arguments.of("Retry-After on 429", spec(5, BackoffPolicy.LINEAR, "PT60S"), 1, 429, "PT2S", 2000L),
                Arguments.of(
                        "Retry-After on 503 capped", spec(5, BackoffPolicy.LINEAR, "PT1S"), 1, 503, "PT30S", 1000L),
                Arguments.of(
                        "Retry-After ignored on 500", spec(5, BackoffPolicy.LINEAR, "PT60S"), 1, 500, "PT2S", 100L),
                Arguments.of(
                        "Retry-After shorter than backoff",
                        spec(5, BackoffPolicy.LINEAR, "PT60S"),
                        3,
                        429,
                        "PT0S",
                        300L),
                Arguments.of(
                        "retryAfterMax zero ignores it", spec(5, BackoffPolicy.LINEAR, "PT0S"), 1, 429, "PT9S", 100L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void nextAttemptDelay(
            String label, DeliverySpec spec, int retry, int status, String retryAfter, long expectedMillis) {
        Duration next = DeliveryRetries.delay(
                spec,
                spec.schedule().delayBefore(retry),
                status,
                Optional.ofNullable(retryAfter).map(Duration::parse));
        assertThat(next.toMillis()).isEqualTo(expectedMillis);
    }

    static Stream<Arguments> attempts() {
        return Stream.of(
                Arguments.of("retried until delivered", 5, List.of(500, 0, 404, 202), 4, 202),
                Arguments.of("last attempt failed: retry + 1 attempts", 2, List.of(500, 500, 500, 500), 3, 500),
                Arguments.of("no retries configured", 0, List.of(500, 200), 1, 500),
                Arguments.of("400 is never retried", 5, List.of(400, 200), 1, 400),
                Arguments.of("409 then 413: retried, then not", 5, List.of(409, 413, 200), 2, 413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void attemptsAsKnativeSays(String label, int retry, List<Integer> statuses, int expectedAttempts, int lastStatus) {
        DeliverySpec spec = new DeliverySpec(
                retry,
                BackoffPolicy.EXPONENTIAL,
                Duration.ofMillis(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Optional.empty());
        Deque<Integer> script = new ArrayDeque<>(statuses);
        int[] calls = {0};
        RetryPolicy<AttemptResult> policy = new DeliveryRetries(0, () -> 0.5, Clock.systemUTC())
                .policy(spec)
                .build();

        AttemptResult last = Failsafe.with(policy).get(() -> {
            calls[0]++;
            return result(script.poll(), null);
        });

        assertThat(calls[0]).isEqualTo(expectedAttempts);
        assertThat(last.status()).isEqualTo(lastStatus);
    }

    @Test
    void theServersRetryAfterHeaderIsParsedAndCappedByThePolicy() {
        DeliverySpec spec = new DeliverySpec(
                1,
                BackoffPolicy.LINEAR,
                Duration.ofMillis(1),
                Duration.ofSeconds(1),
                Duration.ofMillis(30),
                Optional.empty());
        List<Duration> waits = new ArrayList<>();
        Deque<AttemptResult> script = new ArrayDeque<>(List.of(result(503, "120"), result(200, null)));
        RetryPolicy<AttemptResult> policy = new DeliveryRetries(0, () -> 0.5, Clock.systemUTC())
                .policy(spec)
                .onRetryScheduled(e -> waits.add(e.getDelay()))
                .build();

        assertThat(Failsafe.with(policy).get(script::poll).status()).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofMillis(30));
    }

    @Test
    void jitterIsOptInAndSpreadsTheKnativeDelays() {
        DeliverySpec spec = new DeliverySpec(
                2,
                BackoffPolicy.LINEAR,
                Duration.ofMillis(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Optional.empty());
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        List<Duration> exact = new ArrayList<>();
        List<Duration> spread = new ArrayList<>();
        run(new DeliveryRetries(0, () -> 0.0, clock), spec, exact);
        run(new DeliveryRetries(0.5, () -> 0.0, clock), spec, spread);

        assertThat(exact).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(spread).containsExactly(Duration.ofMillis(15), Duration.ofMillis(30));
    }

    private static void run(DeliveryRetries retries, DeliverySpec spec, List<Duration> waits) {
        RetryPolicy<AttemptResult> policy = retries.policy(spec)
                .onRetryScheduled(e -> waits.add(e.getDelay()))
                .build();
        Failsafe.with(policy).get(() -> result(500, null));
    }

    private static AttemptResult result(int status, String retryAfter) {
        return new AttemptResult(status, new byte[0], Optional.ofNullable(retryAfter), Optional.empty());
    }

    static Stream<Arguments> retryAfterHeaders() {
        return Stream.of(
                Arguments.of("seconds", "7", 7000L),
                Arguments.of("http date", "Sun, 06 Nov 1994 08:49:47 GMT", 10_000L),
                Arguments.of("date in the past", "Sun, 06 Nov 1994 08:49:00 GMT", 0L),
                Arguments.of("garbage", "soon", -1L),
                Arguments.of("negative", "-3", -1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retryAfterHeaders")
    void retryAfterHeaderIsParsedRelativeToNow(String label, String header, long expectedMillis) {
        Instant now = Instant.parse("1994-11-06T08:49:37Z");
        assertThat(RetryAfter.parse(header, now).map(Duration::toMillis).orElse(-1L))
                .isEqualTo(expectedMillis);
    }
}
