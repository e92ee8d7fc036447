package dev.quiver.broker.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.api.trigger.TriggerDocument.Spec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoredChangeTest {

    static final TriggerDocument A = TriggerDocument.of("t", Spec.of("default", null, "http://127.0.0.1:9/a"));
    static final TriggerDocument A_WITH_STATUS =
            A.withStatus(new TriggerDocument.Status(true, "http://127.0.0.1:9/a", "topic", "group", null));
    static final TriggerDocument B = TriggerDocument.of("t", Spec.of("default", null, "http://127.0.0.1:9/b"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("stored, not running: start it", null, false, A, StoredChange.START),
                Arguments.of("running the stored spec: leave it", A, false, A, StoredChange.KEEP),
                Arguments.of("status differs only: leave it", A_WITH_STATUS, false, A, StoredChange.KEEP),
                Arguments.of("updated elsewhere: replace it", A, false, B, StoredChange.REPLACE),
                Arguments.of("deleted elsewhere: stop it", A, false, null, StoredChange.STOP),
                Arguments.of("neither: nothing", null, false, null, StoredChange.KEEP),
                Arguments.of("the triggers file wins over the store", A, true, B, StoredChange.CONFIGURED),
                Arguments.of("a tombstone never stops a configured one", A, true, null, StoredChange.KEEP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aStoredWriteBringsTheRunningTriggerInLine(
            String why, TriggerDocument running, boolean configured, TriggerDocument stored, StoredChange expected) {
        assertThat(StoredChange.of(running, configured, stored)).isEqualTo(expected);
    }
}
