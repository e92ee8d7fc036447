package dev.quiver.api.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionTriggerNameTest {
    /** The broker's trigger-name rule (eventing/broker TriggerParser.NAME). */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static final String A60 = "a".repeat(60);
    private static final String A63 = "a".repeat(63);

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("short", "hello", "fn-hello"),
                Arguments.of("60 characters: exactly 63 with fn-", A60, "fn-" + A60),
                Arguments.of("61 characters: hashed", "a".repeat(61), "fn-" + "a".repeat(51) + "-35d5fc17"),
                Arguments.of("63 characters: hashed", A63, "fn-" + "a".repeat(51) + "-7d3e74a0"),
                Arguments.of(
                        "cut at a dash: no double dash before the hash",
                        "a".repeat(50) + "-" + "b".repeat(12),
                        "fn-" + "a".repeat(50) + "-d16b3e58"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void nameFollowsTheRule(String label, String function, String expected) {
        String name = FunctionTriggerName.of(function);

        assertThat(name).isEqualTo(expected);
        assertThat(name).hasSizeLessThanOrEqualTo(FunctionTriggerName.MAX).matches(DNS_LABEL);
    }

    @Test
    void longNamesWithTheSameStartGetDifferentStableNames() {
        String one = "x".repeat(55) + "-one";
        String two = "x".repeat(55) + "-two";

        assertThat(FunctionTriggerName.of(one))
                .isNotEqualTo(FunctionTriggerName.of(two))
                .isEqualTo(FunctionTriggerName.of(one));
    }
}
