package dev.quiver.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.funqy.runtime.FunctionInvoker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The in-process path picks the function Funqy would route a binary-mode event at {@code /} to. */
class InProcessRoutesTest {

    public static class Functions {
        public String alpha(String in) {
            return in;
        }

        public String beta(String in) {
            return in;
        }
    }

    static FunctionInvoker invoker(String name) throws Exception {
        return new FunctionInvoker(name, Functions.class, Functions.class.getMethod(name, String.class));
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("exported function takes every type", Optional.of("beta"), Map.of(), "anything", "beta"),
                Arguments.of("by name when no trigger is mapped", Optional.empty(), Map.of(), "alpha", "alpha"),
                Arguments.of(
                        "by mapped trigger type",
                        Optional.empty(),
                        Map.of("beta", "com.example.b"),
                        "com.example.b",
                        "beta"),
                Arguments.of(
                        "wildcard takes the rest", Optional.empty(), Map.of("alpha", "*"), "kafka.record", "alpha"),
                Arguments.of("no function for the type", Optional.empty(), Map.of(), "kafka.record", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void routesLikeFunqy(
            String label, Optional<String> exported, Map<String, String> triggers, String type, String expected)
            throws Exception {
        Function<String, FunctionInvoker> route = InProcessInvoker.routes(
                List.of(invoker("alpha"), invoker("beta")), exported, fn -> Optional.ofNullable(triggers.get(fn)));

        FunctionInvoker chosen = route.apply(type);
        assertThat(chosen == null ? null : chosen.getName()).isEqualTo(expected);
    }
}
