package dev.quiver.scaler.kpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.scaler.spec.Metric;
import dev.quiver.scaler.spec.ScaleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KpaAutoscalerTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Seconds 0..53 carry {@code older}, seconds 54..59 (the panic window) carry {@code recent}; tick at 59. */
    static Stream<Arguments> oneTick() {
        ScaleSpec d = ScaleSpec.defaults();
        return Stream.of(
                row("desired = ceil(stable / target)", d, 350, 350, 5, 5, 5, 5, false),
                row("fractional demand rounds up", d, 71, 71, 2, 2, 2, 2, false),
                row("no traffic asks for zero", d, 0, 0, 0, 0, 0, 0, false),
                row(
                        "scale-up capped at ceil(ready x maxScaleUpRate)",
                        d.toBuilder().maxScaleUpRate(2).build(),
                        700,
                        700,
                        2,
                        4,
                        4,
                        4,
                        true),
                row("scale-down capped at floor(ready / maxScaleDownRate)", d, 70, 70, 10, 5, 5, 5, false),
                row(
                        "scale-down rate is overridable",
                        d.toBuilder().maxScaleDownRate(5).build(),
                        70,
                        70,
                        10,
                        2,
                        2,
                        2,
                        false),
                row("ready taken as at least 1", d.toBuilder().maxScaleUpRate(2).build(), 700, 700, 0, 2, 2, 2, true),
                row("panic starts at panic desired / ready >= 200%", d, 70, 280, 2, 2, 4, 4, true),
                row("below the panic threshold stays stable", d, 70, 280, 3, 2, 4, 2, false),
                row(
                        "panic threshold is overridable",
                        d.toBuilder().panicThresholdPercentage(110).build(),
                        70,
                        280,
                        3,
                        2,
                        4,
                        4,
                        true),
                row(
                        "panic window percentage is overridable",
                        d.toBuilder().panicWindowPercentage(100).build(),
                        70,
                        280,
                        2,
                        2,
                        2,
                        2,
                        false),
                row(
                        "container concurrency below target lowers it",
                        d.toBuilder().containerConcurrency(10).build(),
                        70,
                        70,
                        10,
                        10,
                        10,
                        10,
                        false),
                row(
                        "target utilization is overridable",
                        d.toBuilder().targetUtilization(1.0).build(),
                        300,
                        300,
                        3,
                        3,
                        3,
                        3,
                        false),
                row("explicit target x utilization", d.toBuilder().target(10.0).build(), 35, 35, 4, 5, 5, 5, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void oneTick(
            String label,
            ScaleSpec spec,
            double older,
            double recent,
            int ready,
            int desiredStable,
            int desiredPanic,
            int desired,
            boolean panicking) {
        KpaAutoscaler kpa = new KpaAutoscaler("f", spec, T0.minusSeconds(3600));
        for (int s = 0; s < 60; s++) {
            kpa.record(T0.plusSeconds(s), s < 54 ? older : recent, 0);
        }
        KpaResult r = kpa.scale(T0.plusSeconds(59), ready);
        assertThat(r.desiredStable()).as("desired from stable window").isEqualTo(desiredStable);
        assertThat(r.desiredPanic()).as("desired from panic window").isEqualTo(desiredPanic);
        assertThat(r.desired()).as("desired").isEqualTo(desired);
        assertThat(r.panicking()).as("panicking").isEqualTo(panicking);
    }

    @Test
    void rpsMetricAveragesRequestsPerSecondNotConcurrency() {
        KpaAutoscaler kpa =
                new KpaAutoscaler("f", ScaleSpec.builder().metric(Metric.RPS).build(), T0);
        for (int s = 0; s < 60; s++) {
            kpa.record(T0.plusSeconds(s), 5000, 420);
        }
        KpaResult r = kpa.scale(T0.plusSeconds(59), 3);
        assertThat(r.stable()).isEqualTo(420);
        assertThat(r.desired()).isEqualTo(3);
    }

    @Test
    void panicNeverDropsBelowItsHighestAndEndsOnlyAfterAFullStableWindowWithoutOverThreshold() {
        KpaAutoscaler kpa = new KpaAutoscaler("f", ScaleSpec.defaults(), T0.minusSeconds(3600));
        Traffic traffic = new Traffic(kpa);
        traffic.constant(0, 60, 70);
        assertThat(kpa.scale(T0.plusSeconds(60), 1).panicking()).isFalse();
        traffic.constant(61, 66, 1400); // 20x target in the panic window
        KpaResult burst = kpa.scale(T0.plusSeconds(66), 1);
        assertThat(burst.panicking()).isTrue();
        assertThat(burst.desired()).isEqualTo(20);
        traffic.constant(67, 80, 140); // back to 2 instances' worth: panic avg drops, over threshold for a while
        KpaResult calmer = kpa.scale(T0.plusSeconds(80), 20);
        assertThat(calmer.panicking()).isTrue();
        assertThat(calmer.desired()).as("never below this panic's highest").isEqualTo(20);
        // last over-threshold tick was at 66 (1400/70 = 20 >= 2 x 1 ready); with 20 ready nothing is over
        traffic.constant(81, 126, 140);
        assertThat(kpa.scale(T0.plusSeconds(126), 20).panicking())
                .as("66 + 60 is not before 126")
                .isTrue();
        traffic.constant(127, 127, 140);
        KpaResult after = kpa.scale(T0.plusSeconds(127), 20);
        assertThat(after.panicking()).isFalse();
        assertThat(after.desired()).as("stable again, scale-down rate limited").isEqualTo(10);
    }

    @Test
    void everyTickOverThresholdExtendsThePanic() {
        KpaAutoscaler kpa = new KpaAutoscaler("f", ScaleSpec.defaults(), T0.minusSeconds(3600));
        Traffic traffic = new Traffic(kpa);
        traffic.constant(0, 10, 700);
        assertThat(kpa.scale(T0.plusSeconds(10), 1).panicking()).isTrue();
        traffic.constant(11, 50, 700);
        assertThat(kpa.scale(T0.plusSeconds(50), 4).panicking())
                .as("10/4 >= 2 extends")
                .isTrue();
        traffic.constant(51, 111, 70);
        assertThat(kpa.scale(T0.plusSeconds(110), 10).panicking())
                .as("50 + 60 not before 110")
                .isTrue();
        assertThat(kpa.scale(T0.plusSeconds(111), 10).panicking()).isFalse();
    }

    @Test
    void scaleDownDelayKeepsTheMaxOverTheDelay() {
        ScaleSpec spec = ScaleSpec.builder()
                .scaleDownDelay(Duration.ofSeconds(30))
                .maxScaleDownRate(100)
                .build();
        KpaAutoscaler kpa = new KpaAutoscaler("f", spec, T0.minusSeconds(3600));
        Traffic traffic = new Traffic(kpa);
        traffic.constant(0, 59, 700);
        assertThat(kpa.scale(T0.plusSeconds(59), 10).desired()).isEqualTo(10);
        traffic.constant(60, 179, 70);
        KpaResult held = kpa.scale(T0.plusSeconds(120), 10);
        assertThat(held.desiredStable()).isEqualTo(1);
        assertThat(held.desired())
                .as("10 was decided at 59, more than 30 s before 120")
                .isEqualTo(1);
        KpaAutoscaler kpa2 = new KpaAutoscaler("f", spec, T0.minusSeconds(3600));
        Traffic t2 = new Traffic(kpa2);
        t2.constant(0, 59, 700);
        kpa2.scale(T0.plusSeconds(59), 10);
        t2.constant(60, 200, 0);
        kpa2.scale(T0.plusSeconds(80), 10); // stable avg still > 0
        t2.constant(60, 200, 0);
        KpaResult inDelay = kpa2.scale(T0.plusSeconds(88), 10);
        assertThat(inDelay.desiredStable()).isLessThan(10);
        assertThat(inDelay.desired()).as("10 decided at 59, 88 - 59 < 30").isEqualTo(10);
        assertThat(kpa2.scale(T0.plusSeconds(89), 10).desired())
                .as("59 left the delay window")
                .isLessThan(10);
    }

    static Stream<Arguments> scaleToZero() {
        ScaleSpec d = ScaleSpec.defaults();
        return Stream.of(
                Arguments.of("zero after stable window + grace (60 + 30)", d, 10, 100),
                Arguments.of(
                        "retention longer than grace wins",
                        d.toBuilder()
                                .scaleToZeroPodRetentionPeriod(Duration.ofSeconds(90))
                                .build(),
                        10,
                        160),
                Arguments.of(
                        "grace is overridable",
                        d.toBuilder()
                                .scaleToZeroGracePeriod(Duration.ofSeconds(10))
                                .build(),
                        10,
                        80),
                Arguments.of(
                        "stable window is overridable",
                        d.toBuilder().stableWindow(Duration.ofSeconds(30)).build(),
                        10,
                        70),
                Arguments.of("new idle function waits a stable window first", d, 0, 90));
    }

    /** Traffic during seconds [0, trafficUntil), ticks every 2 s with one ready instance. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void scaleToZero(String label, ScaleSpec spec, int trafficUntil, int firstZeroTick) {
        KpaAutoscaler kpa = new KpaAutoscaler("f", spec, T0);
        Integer zeroAt = null;
        for (int s = 0; s <= 400 && zeroAt == null; s++) {
            kpa.record(T0.plusSeconds(s), s < trafficUntil ? 10 : 0, 0);
            if (s % 2 == 0) {
                KpaResult r = kpa.scale(T0.plusSeconds(s), 1);
                if (r.desired() == 0) {
                    zeroAt = s;
                } else if (s >= trafficUntil + spec.stableWindow().getSeconds()) {
                    assertThat(r.zeroPending())
                            .as("idle at %s: last instance held", s)
                            .isTrue();
                    assertThat(r.desired()).isEqualTo(1);
                }
            }
        }
        assertThat(zeroAt).isEqualTo(firstZeroTick);
    }

    @Test
    void trafficDuringTheGraceCancelsScaleToZero() {
        KpaAutoscaler kpa = new KpaAutoscaler("f", ScaleSpec.defaults(), T0);
        Traffic traffic = new Traffic(kpa);
        traffic.constant(0, 9, 10);
        traffic.constant(10, 90, 0);
        assertThat(kpa.scale(T0.plusSeconds(80), 1).zeroPending()).isTrue();
        traffic.constant(91, 91, 5);
        assertThat(kpa.scale(T0.plusSeconds(91), 1).desired()).isEqualTo(1);
        traffic.constant(92, 160, 0);
        assertThat(kpa.scale(T0.plusSeconds(152), 1).desired())
                .as("idle again only from 152")
                .isEqualTo(1);
        traffic.constant(161, 182, 0);
        assertThat(kpa.scale(T0.plusSeconds(182), 1).desired()).isZero();
    }

    @Test
    void pokeCountsOneRequestAtOnce() {
        KpaAutoscaler kpa = new KpaAutoscaler("f", ScaleSpec.defaults(), T0);
        kpa.poke(T0.plusSeconds(5));
        KpaResult r = kpa.scale(T0.plusSeconds(5), 0);
        assertThat(r.desired()).isEqualTo(1);
    }

    private static Arguments row(
            String label,
            ScaleSpec spec,
            double older,
            double recent,
            int ready,
            int desiredStable,
            int desiredPanic,
            int desired,
            boolean panicking) {
        return Arguments.of(label, spec, older, recent, ready, desiredStable, desiredPanic, desired, panicking);
    }

    /** Feeds constant concurrency into an autoscaler, one sample a second. */
    record Traffic(KpaAutoscaler kpa) {
        void constant(int fromSecond, int toSecond, double concurrency) {
            for (int s = fromSecond; s <= toSecond; s++) {
                kpa.record(T0.plusSeconds(s), concurrency, 0);
            }
        }
    }
}
