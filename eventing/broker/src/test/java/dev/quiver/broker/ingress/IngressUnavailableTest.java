package dev.quiver.broker.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.errors.ErrorBody;
import dev.quiver.broker.kafka.SendQueueFullException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IngressUnavailableTest {

    static Stream<Arguments> causes() {
        return Stream.of(
                Arguments.of("send queue full", new SendQueueFullException(10), "overloaded", "retry later"),
                Arguments.of(
                        "queued send timed out",
                        new CompletionException(new TimeoutException()),
                        "timeout",
                        "may still be stored"),
                Arguments.of(
                        "Kafka's own timeout",
                        new org.apache.kafka.common.errors.TimeoutException("expired"),
                        "timeout",
                        "same id"),
                Arguments.of("anything else", new IllegalStateException("closed"), "unavailable", "not stored"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causes")
    void eachCauseHasItsCodeAndMessage(String label, Throwable error, String code, String says) {
        ErrorBody body = IngressUnavailable.of(error);
        assertThat(body.status()).isEqualTo(503);
        assertThat(body.error()).isEqualTo(code);
        assertThat(body.message()).contains(says);
    }

    @Test
    void aTimeoutNeverClaimsTheEventWasNotStored() {
        assertThat(IngressUnavailable.of(new TimeoutException()).message()).doesNotContain("not stored");
    }
}
