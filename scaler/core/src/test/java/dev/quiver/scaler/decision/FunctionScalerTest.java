package dev.quiver.scaler.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.scaler.lag.PartitionOffsets;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.ScaleSpec;
import dev.quiver.scaler.spec.Trigger;
import dev.quiver.scaler.warmpool.Instance;
import dev.quiver.scaler.warmpool.PoolAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionScalerTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final ScaleSpec D = ScaleSpec.defaults();

    static Stream<Arguments> bounds() {
        return Stream.of(
                row(
                        "min scale keeps instances without traffic",
                        D.toBuilder().minScale(2).build(),
                        0,
                        2,
                        2),
                row("max scale caps demand", D.toBuilder().maxScale(3).build(), 700, 5, 3),
                row(
                        "activation scale lifts a small demand",
                        D.toBuilder().activationScale(3).build(),
                        10,
                        1,
                        3),
                row(
                        "activation scale does not stop scale to zero",
                        D.toBuilder().activationScale(3).initialScale(0).build(),
                        0,
                        0,
                        0),
                row(
                        "initial scale holds until reached",
                        D.toBuilder().initialScale(4).build(),
                        10,
                        1,
                        4),
                row(
                        "initial scale once reached is forgotten",
                        D.toBuilder().initialScale(4).build(),
                        10,
                        4,
                        2),
                row(
                        "initial scale 0 allows starting at zero",
                        D.toBuilder().initialScale(0).build(),
                        0,
                        0,
                        0));
    }

    /** Constant concurrency for 60 s, then one tick with {@code ready} ready instances. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bounds(String label, ScaleSpec scale, double concurrency, int ready, int desired) {
        FunctionScaler scaler = new FunctionScaler(FunctionSpec.defaults("f").withScale(scale), T0.minusSeconds(600));
        for (int s = 0; s < 60; s++) {
            scaler.record(T0.plusSeconds(s), concurrency, 0);
        }
        assertThat(scaler.decide(T0.plusSeconds(59), Observation.of(ready(ready)))
                        .desired())
                .isEqualTo(desired);
    }

    static Stream<Arguments> mode() {
        return Stream.of(
                Arguments.of("enough burst capacity: serve", D, 70, 5, Mode.SERVE),
                Arguments.of("burst capacity short: proxy", D, 70, 2, Mode.PROXY),
                Arguments.of("at zero: proxy", D, 0, 0, Mode.PROXY),
                Arguments.of(
                        "targetBurstCapacity -1: always proxy",
                        D.toBuilder().targetBurstCapacity(-1).build(),
                        70,
                        50,
                        Mode.PROXY),
                Arguments.of(
                        "targetBurstCapacity 0: serve when not at zero",
                        D.toBuilder().targetBurstCapacity(0).build(),
                        70,
                        1,
                        Mode.SERVE),
                Arguments.of(
                        "targetBurstCapacity 0: proxy at zero",
                        D.toBuilder().targetBurstCapacity(0).build(),
                        70,
                        0,
                        Mode.PROXY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void mode(String label, ScaleSpec scale, double concurrency, int ready, Mode expected) {
        FunctionScaler scaler = new FunctionScaler(FunctionSpec.defaults("f").withScale(scale), T0.minusSeconds(600));
        for (int s = 0; s < 60; s++) {
            scaler.record(T0.plusSeconds(s), concurrency, 0);
        }
        assertThat(scaler.decide(T0.plusSeconds(59), Observation.of(ready(ready)))
                        .mode())
                .isEqualTo(expected);
    }

    @Test
    void modeIsProxyWhileTheLastInstanceWaitsForZero() {
        FunctionScaler scaler = new FunctionScaler(
                FunctionSpec.defaults("f")
                        .withScale(D.toBuilder().targetBurstCapacity(0).build()),
                T0);
        scaler.record(T0, 5, 0);
        Decision d = scaler.decide(T0.plusSeconds(80), Observation.of(ready(1)));
        assertThat(d.desired()).isEqualTo(1);
        assertThat(d.mode()).isEqualTo(Mode.PROXY);
    }

    @Test
    void bothTriggersScaleToTheMaxOfBothSignals() {
        FunctionSpec spec = FunctionSpec.defaults("f").withTriggers(EnumSet.of(Trigger.HTTP, Trigger.KAFKA));
        FunctionScaler scaler = new FunctionScaler(spec, T0.minusSeconds(600));
        for (int s = 0; s < 60; s++) {
            scaler.record(T0.plusSeconds(s), 140, 0); // 2 instances' worth
        }
        Decision lagWins = scaler.decide(T0.plusSeconds(59), new Observation(ready(2), lag(8, 100)));
        assertThat(lagWins.desired()).isEqualTo(8);
        Decision httpWins = scaler.decide(T0.plusSeconds(60), new Observation(ready(8), lag(8, 1)));
        assertThat(httpWins.desired())
                .as("lag wants 1, http wants 2 (rate-limited from 8 to 4)")
                .isEqualTo(4);
    }

    @Test
    void zeroOnlyWhenEverySignalIsIdlePastItsGrace() {
        FunctionSpec spec = FunctionSpec.defaults("f").withTriggers(Set.of(Trigger.HTTP, Trigger.KAFKA));
        FunctionScaler scaler = new FunctionScaler(spec, T0);
        scaler.record(T0, 10, 0);
        scaler.decide(T0, new Observation(ready(1), lag(1, 0)));
        // http idle from 60, zero allowed from 90; lag becomes idle only at 100, zero allowed from 130
        for (int s = 2; s < 100; s += 2) {
            scaler.decide(T0.plusSeconds(s), new Observation(ready(1), lag(1, 5)));
        }
        assertThat(scaler.decide(T0.plusSeconds(100), new Observation(ready(1), lag(1, 0)))
                        .desired())
                .isEqualTo(1);
        assertThat(scaler.decide(T0.plusSeconds(128), new Observation(ready(1), lag(1, 0)))
                        .desired())
                .isEqualTo(1);
        assertThat(scaler.decide(T0.plusSeconds(130), new Observation(ready(1), lag(1, 0)))
                        .desired())
                .isZero();
    }

    @Test
    void kafkaOnlyScalesToZeroAfterLagZeroForTheGrace() {
        FunctionSpec spec = FunctionSpec.defaults("f").withTriggers(Set.of(Trigger.KAFKA));
        FunctionScaler scaler = new FunctionScaler(spec, T0);
        assertThat(scaler.decide(T0, new Observation(ready(1), lag(4, 100))).desired())
                .isEqualTo(4);
        assertThat(scaler.decide(T0.plusSeconds(2), new Observation(ready(4), lag(4, 0)))
                        .desired())
                .isEqualTo(1);
        Decision zero = scaler.decide(T0.plusSeconds(32), new Observation(ready(1), lag(4, 0)));
        assertThat(zero.desired()).isZero();
        assertThat(zero.mode()).isEqualTo(Mode.SERVE);
        assertThat(zero.kpa()).isNull();
    }

    @Test
    void pokeAtZeroScalesUpAtOnceByPromotingFromThePool() {
        FunctionSpec spec = FunctionSpec.defaults("f")
                .withScale(D.toBuilder().initialScale(0).warmPool(1).build());
        FunctionScaler scaler = new FunctionScaler(spec, T0);
        List<Instance> pool = List.of(Instance.pooled("w1", true, T0));
        Decision idle = scaler.decide(T0.plusSeconds(10), Observation.of(pool));
        assertThat(idle.desired()).isZero();
        assertThat(idle.actions()).as("pool kept at zero").isEmpty();
        Decision poke = scaler.poke(T0.plusSeconds(11), Observation.of(pool));
        assertThat(poke.desired()).isEqualTo(1);
        assertThat(poke.actions()).containsExactly(new PoolAction.Promote("w1"), new PoolAction.StartWarm(1));
        assertThat(poke.reasons()).first().isEqualTo("activator poke");
        assertThat(poke.mode()).isEqualTo(Mode.PROXY);
    }

    @Test
    void decisionCarriesTheReasons() {
        FunctionScaler scaler = new FunctionScaler(FunctionSpec.defaults("f"), T0.minusSeconds(600));
        for (int s = 0; s < 60; s++) {
            scaler.record(T0.plusSeconds(s), 350, 0);
        }
        Decision d = scaler.decide(T0.plusSeconds(59), Observation.of(ready(2)));
        assertThat(d.reasons()).contains("stable 350/70 -> 5", "scale up 2 -> 5: 0 promoted, 3 cold");
        assertThat(d.stable()).isEqualTo(350);
        assertThat(d.ready()).isEqualTo(2);
    }

    static List<Instance> ready(int n) {
        List<Instance> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Instance.active("i" + i, true, 0, T0.minusSeconds(100 - i)));
        }
        return out;
    }

    /** {@code partitions} partitions with {@code lagEach} waiting on each; committed advances with the lag. */
    static List<PartitionOffsets> lag(int partitions, long lagEach) {
        List<PartitionOffsets> out = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            out.add(new PartitionOffsets(String.valueOf(i), 1000 + lagEach, 1000));
        }
        return out;
    }

    private static Arguments row(String label, ScaleSpec scale, double concurrency, int ready, int desired) {
        return Arguments.of(label, scale, concurrency, ready, desired);
    }
}
