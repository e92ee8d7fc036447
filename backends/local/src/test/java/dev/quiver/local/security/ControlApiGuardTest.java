package dev.quiver.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.errors.ErrorBody;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControlApiGuardTest {
    private static final String TOKEN = "Zm9vYmFyYmF6cXV4LXRva2VuLXZhbHVlLTI1Ni1iaXRz";
    private final ControlApiGuard guard = new ControlApiGuard(TOKEN, "/data/control-token");

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("no header", "GET", null, null, false, 401),
                Arguments.of("empty header", "GET", "", null, false, 401),
                Arguments.of("basic scheme", "GET", "Basic " + TOKEN, null, false, 401),
                Arguments.of("wrong token", "GET", "Bearer nope", null, false, 401),
                Arguments.of("token prefix", "GET", "Bearer " + TOKEN.substring(0, 10), null, false, 401),
                Arguments.of("token with more", "GET", "Bearer " + TOKEN + "x", null, false, 401),
                Arguments.of("bare token", "GET", TOKEN, null, false, 401),
                Arguments.of("right token", "GET", "Bearer " + TOKEN, null, false, 0),
                Arguments.of("scheme in lower case", "GET", "bearer " + TOKEN, null, false, 0),
                Arguments.of("wrong token before the body check", "POST", "Bearer x", "text/plain", true, 401),
                Arguments.of("yaml body", "POST", "Bearer " + TOKEN, "application/yaml", true, 0),
                Arguments.of("x-yaml body", "PUT", "Bearer " + TOKEN, "application/x-yaml", true, 0),
                Arguments.of("text/yaml body", "PUT", "Bearer " + TOKEN, "text/yaml", true, 0),
                Arguments.of(
                        "json body with charset",
                        "POST",
                        "Bearer " + TOKEN,
                        "application/json; charset=UTF-8",
                        true,
                        0),
                Arguments.of("text body", "POST", "Bearer " + TOKEN, "text/plain", true, 415),
                Arguments.of("form body", "POST", "Bearer " + TOKEN, "application/x-www-form-urlencoded", true, 415),
                Arguments.of("multipart body", "POST", "Bearer " + TOKEN, "multipart/form-data; boundary=x", true, 415),
                Arguments.of("body without type", "PUT", "Bearer " + TOKEN, null, true, 415),
                Arguments.of("delete without body", "DELETE", "Bearer " + TOKEN, null, false, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aRequestIsLetThroughOrRefused(
            String label, String method, String authorization, String contentType, boolean body, int status) {
        Optional<ErrorBody> refusal = guard.check(method, authorization, contentType, body);

        if (status == 0) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).get().extracting(ErrorBody::status).isEqualTo(status);
        }
    }

    @Test
    void theUnauthorizedBodyNamesTheTokenFile() {
        ErrorBody e = guard.check("GET", null, null, false).orElseThrow();

        assertThat(e.error()).isEqualTo("unauthorized");
        assertThat(e.message()).contains("/data/control-token");
    }

    @Test
    void theUnsupportedTypeBodyNamesTheAcceptedTypes() {
        ErrorBody e = guard.check("POST", "Bearer " + TOKEN, "text/plain", true).orElseThrow();

        assertThat(e.error()).isEqualTo("unsupported_media_type");
        assertThat(e.message()).contains("application/json", "application/yaml", "'text/plain'");
    }
}
