package dev.quiver.scaler.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.scaler.spec.LagSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LagScalerTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(30);
    static final LagSpec D = LagSpec.defaults();

    static Stream<Arguments> activation() {
        return Stream.of(
                Arguments.of("at zero, lag above activation threshold activates", D, 1L, 0, 1),
                Arguments.of("at zero, lag 0 stays at zero", D, 0L, 0, 0),
                Arguments.of(
                        "at zero, lag at activation threshold stays at zero",
                        D.withActivationLagThreshold(50),
                        50L,
                        0,
                        0),
                Arguments.of(
                        "at zero, lag above activation threshold scales by lag",
                        D.withActivationLagThreshold(50),
                        51L,
                        0,
                        6),
                Arguments.of("running with small lag keeps at least 1", D, 3L, 2, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void activation(String label, LagSpec spec, long lag, int ready, int desired) {
        LagScaler scaler = new LagScaler(spec, GRACE);
        LagResult r = scaler.observe(
                T0,
                List.of(
                        new PartitionOffsets("0", 1000 + lag, 1000),
                        new PartitionOffsets("1", 5, 5),
                        new PartitionOffsets("2", 5, 5),
                        new PartitionOffsets("3", 5, 5),
                        new PartitionOffsets("4", 5, 5),
                        new PartitionOffsets("5", 5, 5),
                        new PartitionOffsets("6", 5, 5)),
                ready);
        assertThat(r.desired()).isEqualTo(desired);
    }

    @Test
    void persistentLagStillActivatesButDoesNotScaleOut() {
        LagScaler scaler = new LagScaler(D.withExcludePersistentLag(true), GRACE);
        List<PartitionOffsets> stuck = List.of(new PartitionOffsets("0", 900, 100), new PartitionOffsets("1", 0, 0));
        assertThat(scaler.observe(T0, stuck, 1).desired())
                .as("first look: counts")
                .isEqualTo(2);
        LagResult again = scaler.observe(T0.plusSeconds(2), stuck, 1);
        assertThat(again.totals().persistentPartitions()).containsExactly("0");
        assertThat(again.active()).isTrue();
        assertThat(again.desired()).as("excluded from scaling, active keeps 1").isEqualTo(1);
        assertThat(again.reasons()).anyMatch(s -> s.contains("persistent lag excluded on [0]"));
    }

    @Test
    void scalesToZeroOnlyAfterLagWasIdleForTheGracePeriod() {
        LagScaler scaler = new LagScaler(D, GRACE);
        List<PartitionOffsets> idle = List.of(new PartitionOffsets("0", 10, 10));
        assertThat(scaler.observe(T0, List.of(new PartitionOffsets("0", 10, 0)), 1)
                        .desired())
                .isEqualTo(1);
        LagResult first = scaler.observe(T0.plusSeconds(2), idle, 1);
        assertThat(first.desired()).isEqualTo(1);
        assertThat(first.zeroPending()).isTrue();
        assertThat(scaler.observe(T0.plusSeconds(31), idle, 1).desired()).isEqualTo(1);
        assertThat(scaler.observe(T0.plusSeconds(32), idle, 1).desired()).isZero();
        assertThat(scaler.observe(T0.plusSeconds(34), idle, 0).desired()).isZero();
    }

    static Stream<Arguments> rateBased() {
        return Stream.of(
                // 4 instances consumed 400 msg/s with a backlog at both ends: 100/s each.
                Arguments.of(
                        "covers incoming rate plus draining the backlog in drainTime",
                        Duration.ofSeconds(10),
                        3200L,
                        160L,
                        16,
                        5),
                Arguments.of("a longer drain time needs fewer instances", Duration.ofSeconds(60), 3200L, 160L, 16, 3),
                Arguments.of("capped at the partition count", Duration.ofSeconds(1), 3200L, 160L, 16, 16),
                Arguments.of(
                        "fewer than KEDA's ceil(lag / threshold) when consumers are fast",
                        Duration.ofSeconds(60),
                        640L,
                        0L,
                        16,
                        1));
    }

    /**
     * Two observations 10 s apart on 16 partitions: committed grows by 4000 (4 ready instances: 100 msg/s each),
     * the backlog ends at {@code backlog}, the end offsets grow by {@code incomingPerSecond} x 10.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rateBased(String label, Duration drain, long backlog, long incomingPerSecond, int partitions, int expected) {
        LagScaler scaler = new LagScaler(D.withDrainTime(drain), GRACE);
        scaler.observe(T0, offsets(partitions, 0, backlog + 4000 - incomingPerSecond * 10), 4);
        LagResult r = scaler.observe(T0.plusSeconds(10), offsets(partitions, 4000, backlog), 4);
        assertThat(r.rate().perInstance()).isEqualTo(100.0);
        assertThat(r.rate().incoming()).isEqualTo(incomingPerSecond);
        assertThat(r.desired()).isEqualTo(expected);
    }

    @Test
    void rateBasedFallsBackToKedaUntilCapacityIsKnown() {
        LagScaler scaler = new LagScaler(D.withDrainTime(Duration.ofSeconds(60)), GRACE);
        LagResult r = scaler.observe(T0, offsets(16, 0, 100), 0);
        assertThat(r.rate().capacityKnown()).isFalse();
        assertThat(r.desired()).isEqualTo(10);
    }

    /** {@code partitions} partitions sharing {@code committedTotal} and {@code backlog} evenly. */
    static List<PartitionOffsets> offsets(int partitions, long committedTotal, long backlog) {
        return java.util.stream.IntStream.range(0, partitions)
                .mapToObj(i -> {
                    long committed = committedTotal / partitions;
                    return new PartitionOffsets(String.valueOf(i), committed + backlog / partitions, committed);
                })
                .toList();
    }
}
