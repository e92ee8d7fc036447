package dev.quiver.broker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryScheduleTest {

    private static DeliverySpec spec(int retry, BackoffPolicy policy, String retryAfterMax) {
        return new DeliverySpec(retry, policy, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.parse(retryAfterMax), Optional.empty());
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

    @org.junit.jupiter.api.Test
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
                Arguments.of("last attempt failed", spec(2, BackoffPolicy.LINEAR, "PT60S"), 3, 500, null, -1L),
                Arguments.of("no retries configured", spec(0, BackoffPolicy.LINEAR, "PT60S"), 1, 500, null, -1L),
                Arguments.of("400 is never retried", spec(5, BackoffPolicy.LINEAR, "PT60S"), 1, 400, null, -1L),
                Arguments.of("Retry-After on 429", spec(5, BackoffPolicy.LINEAR, "PT60S"), 1, 429, "PT2S", 2000L),
                Arguments.of("Retry-After on 503 capped", spec(5, BackoffPolicy.LINEAR, "PT1S"), 1, 503, "PT30S", 1000L),
                Arguments.of("Retry-After ignored on 500", spec(5, BackoffPolicy.LINEAR, "PT60S"), 1, 500, "PT2S", 100L),
                Arguments.of("Retry-After shorter than backoff", spec(5, BackoffPolicy.LINEAR, "PT60S"), 3, 429, "PT0S",
                        300L),
                Arguments.of("retryAfterMax zero ignores it", spec(5, BackoffPolicy.LINEAR, "PT0S"), 1, 429, "PT9S",
                        100L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void nextAttemptDelay(String label, DeliverySpec spec, int failedAttempt, int status, String retryAfter,
            long expectedMillis) {
        Optional<Duration> next = RetrySchedule.next(spec, failedAttempt, AttemptOutcome.classify(status), status,
                Optional.ofNullable(retryAfter).map(Duration::parse));
        assertThat(next.map(Duration::toMillis).orElse(-1L)).isEqualTo(expectedMillis);
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
        assertThat(RetryAfter.parse(header, now).map(Duration::toMillis).orElse(-1L)).isEqualTo(expectedMillis);
    }
}
