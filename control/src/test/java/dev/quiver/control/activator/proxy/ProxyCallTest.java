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

    @ParameterizedTest(name = "{0} {1}: standard {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "200, OK, true",
        "404, Not Found, true",
        "503, Service Unavailable, true",
        "200, Fine, false",
        "404, Nothing here, false",
        "599, Custom, false",
        "204, No Content, true"
    })
    void aReasonPhraseOfItsOwnIsKeptAndTheStandardOneLeftToTheServer(int code, String message, boolean standard) {
        assertThat(ProxyCall.standardReason(code, message)).isEqualTo(standard);
    }
}
