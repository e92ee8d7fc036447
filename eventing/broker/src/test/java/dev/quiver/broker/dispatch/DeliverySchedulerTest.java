package dev.quiver.broker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliverySchedulerTest {

    private static DeliveryScheduler<String, String> withRecords(boolean ordered, int maxInFlight) {
        DeliveryScheduler<String, String> s = new DeliveryScheduler<>(ordered, maxInFlight);
        for (long o = 0; o < 3; o++) {
            s.add("p0", o, "a" + o);
            s.add("p1", o, "b" + o);
        }
        return s;
    }

    @Test
    void orderedStartsOneRecordPerPartitionAndTheNextOnlyAfterItIsDone() {
        DeliveryScheduler<String, String> s = withRecords(true, 100);
        assertThat(s.start()).extracting(DeliveryScheduler.Work::item).containsExactly("a0", "b0");
        assertThat(s.start()).isEmpty();
        s.complete("p0", 0);
        assertThat(s.start()).extracting(DeliveryScheduler.Work::item).containsExactly("a1");
    }

    @Test
    void unorderedIsBoundedByMaxInFlight() {
        DeliveryScheduler<String, String> s = withRecords(false, 4);
        assertThat(s.start()).hasSize(4);
        assertThat(s.inFlight()).isEqualTo(4);
        assertThat(s.start()).isEmpty();
        s.complete("p1", 1);
        assertThat(s.start()).hasSize(1);
        assertThat(s.waiting()).isEqualTo(1);
    }

    @Test
    void commitNeverPassesAnUndeliveredRecord() {
        DeliveryScheduler<String, String> s = withRecords(false, 100);
        s.start();
        s.complete("p0", 1);
        s.complete("p0", 2);
        assertThat(s.commitOffsets()).isEmpty();
        s.complete("p0", 0);
        assertThat(s.commitOffsets()).containsExactly(Map.entry("p0", 3L));
    }

    @Test
    void skippedRecordsAdvanceTheCommitWhenNothingIsPendingBeforeThem() {
        DeliveryScheduler<String, String> s = new DeliveryScheduler<>(false, 10);
        s.skip("p0", 0);
        s.add("p0", 1, "x");
        s.skip("p0", 2);
        assertThat(s.commitOffsets()).containsExactly(Map.entry("p0", 1L));
        s.committed(Map.of("p0", 1L));
        s.start();
        s.complete("p0", 1);
        assertThat(s.commitOffsets()).containsExactly(Map.entry("p0", 3L));
    }

    @Test
    void committedOffsetsAreNotOfferedAgain() {
        DeliveryScheduler<String, String> s = new DeliveryScheduler<>(false, 10);
        s.skip("p0", 5);
        s.committed(s.commitOffsets());
        assertThat(s.commitOffsets()).isEmpty();
    }

    @Test
    void revokedPartitionsAreForgotten() {
        DeliveryScheduler<String, String> s = withRecords(false, 2);
        s.start();
        s.revoke(java.util.List.of("p0", "p1"));
        assertThat(s.inFlight()).isZero();
        assertThat(s.waiting()).isZero();
        assertThat(s.commitOffsets()).isEmpty();
    }
}
