package dev.quiver.control.activator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProxyCallTest {

    static Stream<Arguments> lengths() {
        return Stream.of(
                Arguments.of("no Content-Length: streamed", null, false),
                Arguments.of("empty", "0", true),
                Arguments.of("a small JSON body", "42", true),
                Arguments.of("exactly the limit", String.valueOf(ProxyCall.WHOLE_BODY_BYTES), true),
                Arguments.of("one byte over: streamed", String.valueOf(ProxyCall.WHOLE_BODY_BYTES + 1), false),
                Arguments.of("spaces around", " 12 ", true),
                Arguments.of("not a number: streamed", "12x", false),
                Arguments.of("negative: streamed", "-1", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lengths")
    void onlySmallDeclaredBodiesAreReadWhole(String label, String contentLength, boolean whole) {
        assertThat(ProxyCall.small(contentLength)).isEqualTo(whole);
    }
}
