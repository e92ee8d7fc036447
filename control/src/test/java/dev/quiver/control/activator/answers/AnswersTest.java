package dev.quiver.control.activator.answers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.errors.ErrorBody;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswersTest {
    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("not found", Answers.notFound("f", "gone"), 404, "not_found"),
                Arguments.of("too large", Answers.tooLarge("f", 1024), 413, "too_large"),
                Arguments.of("bad request", Answers.badRequest("f", "bad"), 400, "bad_request"),
                Arguments.of("overloaded", Answers.overloaded("f", 3), 503, "overloaded"),
                Arguments.of("timeout", Answers.timeout("f", 300), 504, "timeout"),
                Arguments.of("instance failed", Answers.instanceFailed("f", "reset"), 502, "instance_failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void eachAnswerIsOneErrorBodyWithItsStatusAndCode(String label, ErrorBody body, int status, String code)
            throws Exception {
        ErrorBody read = new ObjectMapper().readValue(Answers.encode(body), ErrorBody.class);

        assertThat(read).isEqualTo(body);
        assertThat(read.status()).isEqualTo(status);
        assertThat(read.error()).isEqualTo(code);
        assertThat(read.function()).isEqualTo("f");
        assertThat(read.message()).isNotBlank();
    }
}
