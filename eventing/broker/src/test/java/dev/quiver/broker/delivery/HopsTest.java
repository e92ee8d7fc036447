package dev.quiver.broker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HopsTest {

    static Stream<Arguments> clientHops() {
        return Stream.of(
                Arguments.of("absent stays absent", null, null),
                Arguments.of("in range is kept", "2", 2),
                Arguments.of("integer in range is kept", 3, 3),
                Arguments.of("zero is kept", "0", 0),
                Arguments.of("negative is reset", "-1000000", 0),
                Arguments.of("negative integer is reset", -5, 0),
                Arguments.of("not a number is reset", "lots", 0),
                Arguments.of("above max-hops is lowered to max-hops", "7", 5),
                Arguments.of("beyond a long is lowered to max-hops", "99999999999999999999999", 5),
                Arguments.of("below a long is reset", "-99999999999999999999999", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientHops")
    void aClientsHopCountIsClampedAtIngress(String label, Object sent, Integer kept) {
        CloudEventBuilder b =
                CloudEventBuilder.v1().withId("1").withSource(URI.create("/t")).withType("t");
        if (sent instanceof Integer i) {
            b.withExtension(Hops.EXTENSION, i);
        } else if (sent != null) {
            b.withExtension(Hops.EXTENSION, (String) sent);
        }
        CloudEvent in = Hops.atIngress(b.build(), 5);
        assertThat(in.getExtension(Hops.EXTENSION)).isEqualTo(kept);
        assertThat(Hops.of(in)).isBetween(0, 5);
    }
}
