package dev.quiver.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.eventing.BrokerDocument;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.api.trigger.TriggerDocument.Spec;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one decision every kind of stored document (triggers, sources and sinks, brokers) goes through. */
class StoredChangeTest {

    static final TriggerDocument A = TriggerDocument.of("t", Spec.of("default", null, "http://127.0.0.1:9/a"));
    static final TriggerDocument A_WITH_STATUS =
            A.withStatus(new TriggerDocument.Status(true, "http://127.0.0.1:9/a", "topic", "group", null));
    static final TriggerDocument B = TriggerDocument.of("t", Spec.of("default", null, "http://127.0.0.1:9/b"));
    static final BiPredicate<TriggerDocument, TriggerDocument> SAME_TRIGGER = TriggerDocument::sameTriggerAs;

    static final BrokerDocument BROKER = BrokerDocument.of("shop", null);
    static final BrokerDocument BROKER_WITH_STATUS = BROKER.withStatus(BrokerDocument.Status.ready("http://x/shop"));
    static final BrokerDocument OTHER_BROKER = BrokerDocument.of(
            "shop", new BrokerDocument.Spec(null, new TriggerDocument.Delivery(3, null, null, null, null, null)));
    static final BiPredicate<BrokerDocument, BrokerDocument> SAME_BROKER = BrokerDocument::sameBrokerAs;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("stored, not running: start it", null, false, A, SAME_TRIGGER, StoredChange.START),
                Arguments.of("running the stored spec: leave it", A, false, A, SAME_TRIGGER, StoredChange.KEEP),
                Arguments.of("status differs only: leave it", A_WITH_STATUS, false, A, SAME_TRIGGER, StoredChange.KEEP),
                Arguments.of("updated elsewhere: replace it", A, false, B, SAME_TRIGGER, StoredChange.REPLACE),
                Arguments.of("deleted elsewhere: stop it", A, false, null, SAME_TRIGGER, StoredChange.STOP),
                Arguments.of("neither: nothing", null, false, null, SAME_TRIGGER, StoredChange.KEEP),
                Arguments.of("configuration wins over the store", A, true, B, SAME_TRIGGER, StoredChange.CONFIGURED),
                Arguments.of(
                        "a tombstone never stops a configured one", A, true, null, SAME_TRIGGER, StoredChange.KEEP),
                Arguments.of(
                        "broker applied elsewhere: apply it", null, false, BROKER, SAME_BROKER, StoredChange.START),
                Arguments.of(
                        "broker answered with status: the same",
                        BROKER_WITH_STATUS,
                        false,
                        BROKER,
                        SAME_BROKER,
                        StoredChange.KEEP),
                Arguments.of(
                        "broker delivery changed elsewhere: replace it",
                        BROKER,
                        false,
                        OTHER_BROKER,
                        SAME_BROKER,
                        StoredChange.REPLACE),
                Arguments.of(
                        "broker deleted elsewhere: forget it", BROKER, false, null, SAME_BROKER, StoredChange.STOP),
                Arguments.of(
                        "plain values compare by equals",
                        "ping-a",
                        false,
                        "ping-b",
                        (BiPredicate<Object, Object>) Objects::equals,
                        StoredChange.REPLACE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void decidesWhatAReplicaDoesWithAStoredDocument(
            String why, T running, boolean configured, T stored, BiPredicate<T, T> same, StoredChange expected) {
        assertThat(StoredChange.of(running, configured, stored, same)).isEqualTo(expected);
    }
}
