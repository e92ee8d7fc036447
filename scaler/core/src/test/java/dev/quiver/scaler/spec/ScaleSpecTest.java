package dev.quiver.scaler.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScaleSpecTest {

    static Stream<Arguments> defaults() {
        return Stream.of(
                row("metric is concurrency", ScaleSpec::metric, Metric.CONCURRENCY),
                row("target is unset (metric default)", ScaleSpec::target, null),
                row("target utilization 0.7", ScaleSpec::targetUtilization, 0.7),
                row("container concurrency unlimited", ScaleSpec::containerConcurrency, 0),
                row("min scale 0", ScaleSpec::minScale, 0),
                row("max scale unbounded", ScaleSpec::maxScale, 0),
                row("initial scale 1", ScaleSpec::initialScale, 1),
                row("activation scale 1", ScaleSpec::activationScale, 1),
                row("stable window 60s", ScaleSpec::stableWindow, Duration.ofSeconds(60)),
                row("panic window 10%", ScaleSpec::panicWindowPercentage, 10.0),
                row("panic window is 6s", ScaleSpec::panicWindow, Duration.ofSeconds(6)),
                row("panic threshold 200%", ScaleSpec::panicThresholdPercentage, 200.0),
                row("max scale up rate 1000", ScaleSpec::maxScaleUpRate, 1000.0),
                row("max scale down rate 2", ScaleSpec::maxScaleDownRate, 2.0),
                row("grace period 30s", ScaleSpec::scaleToZeroGracePeriod, Duration.ofSeconds(30)),
                row("pod retention 0s", ScaleSpec::scaleToZeroPodRetentionPeriod, Duration.ZERO),
                row("scale down delay 0s", ScaleSpec::scaleDownDelay, Duration.ZERO),
                row("target burst capacity 211", ScaleSpec::targetBurstCapacity, 211.0),
                row("warm pool 0", ScaleSpec::warmPool, 0),
                row("linear window", ScaleSpec::windowWeighting, WindowWeighting.LINEAR),
                row("tick every 2s", ScaleSpec::tickInterval, Duration.ofSeconds(2)),
                row("target per instance 100 x 0.7", ScaleSpec::targetPerInstance, 70.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void defaults(String label, Function<ScaleSpec, Object> field, Object expected) {
        assertThat(field.apply(ScaleSpec.defaults())).isEqualTo(expected);
    }

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("concurrency default 100 x 0.7", Metric.CONCURRENCY, null, 0, 0.7, 100.0, 70.0),
                Arguments.of("rps default 200 x 0.7", Metric.RPS, null, 0, 0.7, 200.0, 140.0),
                Arguments.of("explicit target", Metric.CONCURRENCY, 10.0, 0, 1.0, 10.0, 10.0),
                Arguments.of("hard limit lower than target wins", Metric.CONCURRENCY, null, 10, 0.7, 10.0, 7.0),
                Arguments.of("hard limit higher than target ignored", Metric.CONCURRENCY, 50.0, 80, 0.5, 50.0, 25.0),
                Arguments.of("hard limit ignored for rps", Metric.RPS, null, 10, 0.5, 200.0, 100.0),
                Arguments.of("floor 0.01", Metric.CONCURRENCY, 0.01, 0, 0.5, 0.01, 0.01));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void targets(String label, Metric metric, Double target, int cc, double util, double total, double perInstance) {
        ScaleSpec s = ScaleSpec.builder()
                .metric(metric)
                .target(target)
                .containerConcurrency(cc)
                .targetUtilization(util)
                .build();
        assertThat(s.totalValue()).isEqualTo(total);
        assertThat(s.targetPerInstance()).isEqualTo(perInstance);
    }

    @Test
    void zeroHoldIsTheLongerOfGraceAndRetention() {
        ScaleSpec s = ScaleSpec.builder()
                .scaleToZeroGracePeriod(Duration.ofSeconds(30))
                .scaleToZeroPodRetentionPeriod(Duration.ofSeconds(90))
                .build();
        assertThat(s.zeroHold()).isEqualTo(Duration.ofSeconds(90));
        assertThat(ScaleSpec.defaults().zeroHold()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void builderValidatesAndNamesTheKey() {
        assertThatThrownBy(() -> ScaleSpec.builder().maxScaleDownRate(1).build())
                .isInstanceOf(SpecException.class)
                .hasMessage("scale.maxScaleDownRate: must be > 1, was 1.0");
    }

    private static Arguments row(String label, Function<ScaleSpec, Object> field, Object expected) {
        return Arguments.of(label, field, expected);
    }
}
