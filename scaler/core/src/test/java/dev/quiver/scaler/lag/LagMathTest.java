package dev.quiver.scaler.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.scaler.spec.LagSpec;
import dev.quiver.scaler.spec.OffsetResetPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LagMathTest {
    static final LagSpec D = LagSpec.defaults();

    static Stream<Arguments> partitionLag() {
        LagSpec persistent = D.withExcludePersistentLag(true);
        return Stream.of(
                lag("lag = end - committed", D, new PartitionOffsets("0", 120, 100), null, 20, 20, false),
                lag("committed past end counts 0", D, new PartitionOffsets("0", 100, 105), null, 0, 0, false),
                lag("never committed, latest: 1", D, PartitionOffsets.neverCommitted("0", 500), null, 1, 1, false),
                lag(
                        "never committed, earliest: the end offset",
                        D.withOffsetResetPolicy(OffsetResetPolicy.EARLIEST),
                        PartitionOffsets.neverCommitted("0", 500),
                        null,
                        500,
                        500,
                        false),
                lag(
                        "never committed with scaleToZeroOnInvalidOffset: 0",
                        D.withOffsetResetPolicy(OffsetResetPolicy.EARLIEST).withScaleToZeroOnInvalidOffset(true),
                        PartitionOffsets.neverCommitted("0", 500),
                        null,
                        0,
                        0,
                        false),
                lag(
                        "persistent lag excluded from scaling, kept for activation",
                        persistent,
                        new PartitionOffsets("0", 120, 100),
                        100L,
                        0,
                        20,
                        true),
                lag(
                        "moving committed offset is not persistent",
                        persistent,
                        new PartitionOffsets("0", 120, 100),
                        90L,
                        20,
                        20,
                        false),
                lag(
                        "first observation is not persistent",
                        persistent,
                        new PartitionOffsets("0", 120, 100),
                        null,
                        20,
                        20,
                        false),
                lag("no lag is never persistent", persistent, new PartitionOffsets("0", 100, 100), 100L, 0, 0, false),
                lag(
                        "persistent lag counts when the option is off",
                        D,
                        new PartitionOffsets("0", 120, 100),
                        100L,
                        20,
                        20,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void partitionLag(
            String label,
            LagSpec spec,
            PartitionOffsets p,
            Long previous,
            long forScaling,
            long forActivation,
            boolean persistent) {
        PartitionLag l = LagMath.lag(p, previous, spec);
        assertThat(l.forScaling()).as("for scaling").isEqualTo(forScaling);
        assertThat(l.forActivation()).as("for activation").isEqualTo(forActivation);
        assertThat(l.persistent()).as("persistent").isEqualTo(persistent);
    }

    static Stream<Arguments> desired() {
        List<PartitionOffsets> threeWithLag = List.of(p("0", 100), p("1", 100), p("2", 0), p("3", 0));
        return Stream.of(
                want("desired = ceil(total lag / lagThreshold)", D, List.of(p("0", 15), p("1", 10), p("2", 0)), 3),
                want("lag threshold is overridable", D.withLagThreshold(100), List.of(p("0", 150), p("1", 0)), 2),
                want("capped at the partition count", D, List.of(p("0", 1000), p("1", 1000)), 2),
                want(
                        "capped at partitions with lag when limitToPartitionsWithLag",
                        D.withLimitToPartitionsWithLag(true),
                        threeWithLag,
                        2),
                want("partition count cap without limitToPartitionsWithLag", D, threeWithLag, 4),
                want("no cap with allowIdleConsumers", D.withAllowIdleConsumers(true), threeWithLag, 20),
                want("no lag asks for zero", D, List.of(p("0", 0), p("1", 0)), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void desired(String label, LagSpec spec, List<PartitionOffsets> offsets, int expected) {
        LagTotals totals = LagMath.totals(offsets, new HashMap<>(), spec);
        assertThat(LagMath.desired(totals, spec)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("desired")
    void totalsRememberCommittedOffsets(String label, LagSpec spec, List<PartitionOffsets> offsets, int expected) {
        Map<String, Long> previous = new HashMap<>();
        LagMath.totals(offsets, previous, spec);
        assertThat(previous).hasSize(offsets.size());
    }

    /** A partition with {@code lag} messages waiting (end 1000 + lag, committed 1000). */
    static PartitionOffsets p(String partition, long lag) {
        return new PartitionOffsets(partition, 1000 + lag, 1000);
    }

    private static Arguments lag(
            String label,
            LagSpec spec,
            PartitionOffsets p,
            Long previous,
            long scaling,
            long activation,
            boolean persistent) {
        return Arguments.of(label, spec, p, previous, scaling, activation, persistent);
    }

    private static Arguments want(String label, LagSpec spec, List<PartitionOffsets> offsets, int expected) {
        return Arguments.of(label, spec, offsets, expected);
    }
}
