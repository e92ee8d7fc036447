package dev.quiver.api.ready;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReadySignalTest {

    @Test
    void theEnvironmentGivenToAnInstanceReadsBackAsTheSameSignal() {
        ReadySignal s = ReadySignal.fresh("127.0.0.1", 4711);
        assertThat(ReadySignal.fromEnv(s.env())).contains(s);
    }

    @Test
    void freshTokensDiffer() {
        assertThat(ReadySignal.fresh("127.0.0.1", 1).token())
                .isNotEqualTo(ReadySignal.fresh("127.0.0.1", 1).token())
                .hasSize(32);
    }

    @Test
    void noVariablesMeansNoPush() {
        assertThat(ReadySignal.fromEnv(Map.of())).isEmpty();
    }

    @Test
    void aBadAddressNamesTheVariable() {
        assertThatThrownBy(() ->
                        ReadySignal.fromEnv(Map.of(ReadySignal.ADDRESS_ENV, "nowhere", ReadySignal.TOKEN_ENV, "t")))
                .hasMessageContaining(ReadySignal.ADDRESS_ENV)
                .hasMessageContaining("nowhere");
    }

    @Test
    void theLineTheInstanceWritesIsTheLineThePlatformParses() {
        ReadySignal s = ReadySignal.fresh("127.0.0.1", 4711);
        String written = new String(s.line(8080), StandardCharsets.US_ASCII);
        assertThat(ReadySignal.Line.parse(written)).contains(new ReadySignal.Line(s.token(), 8080));
        assertThat(written.length()).isLessThan(ReadySignal.MAX_LINE);
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("nothing", null),
                Arguments.of("empty", ""),
                Arguments.of("token only", "abc"),
                Arguments.of("port not a number", "abc x"),
                Arguments.of("three words", "abc 1 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void aLineThatIsNotTokenAndPortIsIgnored(String label, String line) {
        assertThat(ReadySignal.Line.parse(line)).isEqualTo(Optional.empty());
    }
}
