package dev.quiver.broker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A follower lagging behind this replica's own writes must not undo them, not even for a moment. */
class LocalWritesTest {

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("an older record of a key written here: skipped", "a", 4L, true),
                Arguments.of("this replica's own write: applied (it is the same)", "a", 7L, false),
                Arguments.of("a later write from another replica: applied", "a", 9L, false),
                Arguments.of("a key never written here: applied", "b", 1L, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void skipsOnlyRecordsOlderThanThisReplicasOwnWriteOfTheKey(
            String label, String key, long offset, boolean superseded) {
        LocalWrites writes = new LocalWrites();
        writes.wrote("a", 0, 5);
        writes.wrote("a", 0, 7);
        writes.wrote("c", 0, 6);
        assertThat(writes.superseded(key, offset)).isEqualTo(superseded);
    }

    @ParameterizedTest(name = "end {0}")
    @MethodSource("ends")
    void aSnapshotReadsPastThisReplicasLastWrite(long end, long readTo) {
        LocalWrites writes = new LocalWrites();
        writes.wrote("a", 0, 7);
        assertThat(writes.readTo(0, end)).isEqualTo(readTo);
        assertThat(writes.readTo(1, end)).as("a partition not written here").isEqualTo(end);
    }

    static Stream<Arguments> ends() {
        return Stream.of(Arguments.of(3L, 8L), Arguments.of(8L, 8L), Arguments.of(12L, 12L));
    }
}
