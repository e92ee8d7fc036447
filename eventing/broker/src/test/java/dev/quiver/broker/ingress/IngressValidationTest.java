package dev.quiver.broker.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IngressValidationTest {

    private static final String BINARY = "ce-specversion:1.0|ce-id:1|ce-source:/s|ce-type:t|content-type:text/plain";
    private static final String STRUCTURED = "content-type:application/cloudevents+json";
    private static final String BATCH = "content-type:application/cloudevents-batch+json";

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("binary valid", BINARY, "hi", null),
                Arguments.of("binary with extension", BINARY + "|ce-region:eu", "hi", null),
                Arguments.of("binary without specversion", "ce-id:1|ce-source:/s|ce-type:t", "", "spec"),
                Arguments.of("binary specversion 0.3", BINARY.replace("1.0", "0.3"), "", "specversion must be 1.0"),
                Arguments.of("binary unknown specversion", BINARY.replace("1.0", "2.0"), "", "2.0"),
                Arguments.of("binary empty id", BINARY.replace("ce-id:1", "ce-id:"), "", "id"),
                Arguments.of("binary missing type", BINARY.replace("|ce-type:t", ""), "", "type"),
                Arguments.of("binary empty source", BINARY.replace("ce-source:/s", "ce-source:"), "", "source"),
                Arguments.of("binary bad extension name", BINARY + "|ce-my_ext:x", "", "my_ext"),
                Arguments.of(
                        "structured valid",
                        STRUCTURED,
                        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":{\"a\":1}}",
                        null),
                Arguments.of(
                        "structured missing id",
                        STRUCTURED,
                        "{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}",
                        "id"),
                Arguments.of(
                        "structured empty type",
                        STRUCTURED,
                        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"\"}",
                        "type"),
                Arguments.of(
                        "structured upper-case extension",
                        STRUCTURED,
                        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"Region\":\"eu\"}",
                        "Region"),
                Arguments.of("structured not JSON", STRUCTURED, "{nope", "JSON"),
                Arguments.of(
                        "batch valid",
                        BATCH,
                        "[{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"},"
                                + "{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"/s\",\"type\":\"t\"}]",
                        null),
                Arguments.of("batch not an array", BATCH, "{\"specversion\":\"1.0\"}", "JSON array"),
                Arguments.of(
                        "batch with one bad event",
                        BATCH,
                        "[{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"},"
                                + "{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"/s\"}]",
                        "batch[1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void requestsAreAcceptedOrRejectedNamingTheRule(String label, String headers, String body, String error) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        for (String kv : headers.split("\\|")) {
            int i = kv.indexOf(':');
            h.add(kv.substring(0, i), kv.substring(i + 1));
        }
        Optional<String> failure;
        try {
            List<CloudEvent> events = HttpEventParser.parse(h, Buffer.buffer(body));
            failure = events.stream()
                    .map(EventValidator::violation)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (InvalidEventException e) {
            failure = Optional.of(e.getMessage());
        }
        if (error == null) {
            assertThat(failure).isEmpty();
        } else {
            assertThat(failure).hasValueSatisfying(m -> assertThat(m).containsIgnoringCase(error));
        }
    }
}
