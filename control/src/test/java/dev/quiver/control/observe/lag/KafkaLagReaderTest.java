package dev.quiver.control.observe.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.scaler.lag.PartitionOffsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AdminClient results become scaler-core records, ordered by partition, before any arithmetic. */
class KafkaLagReaderTest {
    static TopicPartition p(int n) {
        return new TopicPartition("t", n);
    }

    record Case(
            String label,
            Map<TopicPartition, Long> ends,
            Map<TopicPartition, OffsetAndMetadata> committed,
            List<PartitionOffsets> expected) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "committed partitions keep their offsets, by partition number",
                        Map.of(p(10), 5L, p(2), 30L),
                        Map.of(p(2), new OffsetAndMetadata(10), p(10), new OffsetAndMetadata(5)),
                        List.of(new PartitionOffsets("2", 30, 10), new PartitionOffsets("10", 5, 5))),
                new Case(
                        "a partition the group never committed says so",
                        Map.of(p(0), 7L),
                        Map.of(),
                        List.of(PartitionOffsets.neverCommitted("0", 7))),
                new Case(
                        "a group that never committed at all",
                        Map.of(p(0), 7L, p(1), 0L),
                        null,
                        List.of(PartitionOffsets.neverCommitted("0", 7), PartitionOffsets.neverCommitted("1", 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsAdminResults(Case c) {
        assertThat(KafkaLagReader.convert(c.ends(), c.committed())).isEqualTo(c.expected());
    }
}
