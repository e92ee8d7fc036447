package dev.quiver.scaler.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecReaderTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("unknown top key", Map.of("scal", Map.of()), "scal", "is not a known key"),
                bad("unknown scale key (typo)", scale("maxScal", 3), "scale.maxScal", "is not a known key"),
                bad("metric not known", scale("metric", "cpu"), "scale.metric", "must be one of concurrency, rps"),
                bad("target below floor", scale("target", 0), "scale.target", "must be >= 0.01"),
                bad(
                        "utilization above 1",
                        scale("targetUtilization", 1.5),
                        "scale.targetUtilization",
                        "must be > 0 and <= 1"),
                bad(
                        "utilization zero",
                        scale("targetUtilization", 0),
                        "scale.targetUtilization",
                        "must be > 0 and <= 1"),
                bad("negative min scale", scale("minScale", -1), "scale.minScale", "must be >= 0"),
                bad(
                        "max below min",
                        Map.of("scale", Map.of("minScale", 5, "maxScale", 2)),
                        "scale.maxScale",
                        "must be >= minScale (5) or 0"),
                bad("fractional max scale", scale("maxScale", 2.5), "scale.maxScale", "must be a whole number"),
                bad("max scale not a number", scale("maxScale", "lots"), "scale.maxScale", "must be a number"),
                bad("activation scale 0", scale("activationScale", 0), "scale.activationScale", "must be >= 1"),
                bad(
                        "stable window too short",
                        scale("stableWindow", "5s"),
                        "scale.stableWindow",
                        "must be between 6s and 1h"),
                bad(
                        "stable window not a duration",
                        scale("stableWindow", "soon"),
                        "scale.stableWindow",
                        "must be a duration"),
                bad(
                        "panic threshold below 110%",
                        scale("panicThresholdPercentage", 100),
                        "scale.panicThresholdPercentage",
                        "must be between 110 and 1000"),
                bad(
                        "panic window above 100%",
                        scale("panicWindowPercentage", 101),
                        "scale.panicWindowPercentage",
                        "must be between 1 and 100"),
                bad("scale up rate 1", scale("maxScaleUpRate", 1), "scale.maxScaleUpRate", "must be > 1"),
                bad(
                        "burst capacity below -1",
                        scale("targetBurstCapacity", -2),
                        "scale.targetBurstCapacity",
                        "must be >= 0, or -1"),
                bad("negative warm pool", scale("warmPool", -1), "scale.warmPool", "must be >= 0"),
                bad(
                        "negative grace",
                        scale("scaleToZeroGracePeriod", -1),
                        "scale.scaleToZeroGracePeriod",
                        "must be a duration"),
                bad("lag threshold 0", lag("lagThreshold", 0), "lag.lagThreshold", "must be > 0"),
                bad(
                        "negative activation lag",
                        lag("activationLagThreshold", -1),
                        "lag.activationLagThreshold",
                        "must be >= 0"),
                bad(
                        "offset reset policy unknown",
                        lag("offsetResetPolicy", "newest"),
                        "lag.offsetResetPolicy",
                        "must be one of latest, earliest"),
                bad(
                        "idle consumers with partitions-with-lag",
                        Map.of("lag", Map.of("allowIdleConsumers", true, "limitToPartitionsWithLag", true)),
                        "lag.limitToPartitionsWithLag",
                        "cannot be true together"),
                bad(
                        "bool not a bool",
                        lag("excludePersistentLag", "yes please"),
                        "lag.excludePersistentLag",
                        "must be true or false"),
                bad(
                        "trigger unknown",
                        Map.of("triggers", List.of("http", "sqs")),
                        "triggers",
                        "entries must be http or kafka"),
                bad("name not a DNS label", Map.of("name", "My_Function"), "name", "must be a DNS label"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalid(String label, Map<String, Object> tree, String key, String rule) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecReader.read(tree, Set.of()));
        assertThat(e).as("expected a SpecException").isNotNull();
        assertThat(e.violations()).anySatisfy(v -> {
            assertThat(v.key()).isEqualTo(key);
            assertThat(v.rule()).contains(rule);
        });
        assertThat(e.getMessage()).contains(key).contains(", was ");
    }

    @Test
    void everyKeyIsReadWithDurationsAndTypes() {
        Map<String, Object> tree = Map.of(
                "name", "orders",
                "triggers", List.of("http", "kafka"),
                "simulation", Map.of("coldStartSeconds", 2),
                "scale",
                        Map.ofEntries(
                                Map.entry("metric", "rps"),
                                Map.entry("target", 50),
                                Map.entry("targetUtilization", 0.5),
                                Map.entry("containerConcurrency", 10),
                                Map.entry("minScale", 1),
                                Map.entry("maxScale", 9),
                                Map.entry("initialScale", 2),
                                Map.entry("activationScale", 3),
                                Map.entry("stableWindow", "2m"),
                                Map.entry("panicWindowPercentage", 20),
                                Map.entry("panicThresholdPercentage", 300),
                                Map.entry("maxScaleUpRate", 10),
                                Map.entry("maxScaleDownRate", 4),
                                Map.entry("scaleToZeroGracePeriod", 45),
                                Map.entry("scaleToZeroPodRetentionPeriod", "1m"),
                                Map.entry("scaleDownDelay", "10s"),
                                Map.entry("targetBurstCapacity", -1),
                                Map.entry("warmPool", 2),
                                Map.entry("windowWeighting", "exponential"),
                                Map.entry("tickInterval", "500ms")),
                "lag",
                        Map.of(
                                "lagThreshold",
                                50,
                                "activationLagThreshold",
                                5,
                                "offsetResetPolicy",
                                "earliest",
                                "limitToPartitionsWithLag",
                                true,
                                "excludePersistentLag",
                                true,
                                "scaleToZeroOnInvalidOffset",
                                true,
                                "drainTime",
                                "1m"));
        FunctionSpec f = SpecReader.read(tree, Set.of("simulation"));
        ScaleSpec s = f.scale();
        assertThat(f.name()).isEqualTo("orders");
        assertThat(f.http()).isTrue();
        assertThat(f.kafka()).isTrue();
        assertThat(s)
                .isEqualTo(new ScaleSpec(
                        Metric.RPS,
                        50.0,
                        0.5,
                        10,
                        1,
                        9,
                        2,
                        3,
                        Duration.ofMinutes(2),
                        20,
                        300,
                        10,
                        4,
                        Duration.ofSeconds(45),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(10),
                        -1,
                        2,
                        WindowWeighting.EXPONENTIAL,
                        Duration.ofMillis(500)));
        assertThat(f.lag())
                .isEqualTo(
                        new LagSpec(50, 5, OffsetResetPolicy.EARLIEST, false, true, true, true, Duration.ofMinutes(1)));
    }

    @Test
    void emptyDocumentGivesEveryDefault() {
        FunctionSpec f = SpecReader.read(Map.of(), Set.of());
        assertThat(f).isEqualTo(FunctionSpec.defaults("function"));
        assertThat(f.lag()).isEqualTo(LagSpec.defaults());
    }

    @Test
    void lagSectionAloneMeansKafkaTrigger() {
        FunctionSpec f = SpecReader.read(Map.of("lag", Map.of()), Set.of());
        assertThat(f.triggers()).containsExactly(Trigger.KAFKA);
    }

    @Test
    void allViolationsAreReportedTogether() {
        SpecException e = catchThrowableOfType(
                SpecException.class,
                () -> SpecReader.read(Map.of("scale", Map.of("minScale", -1, "warmPool", -2)), Set.of()));
        assertThat(e.violations())
                .extracting(Violation::key)
                .containsExactlyInAnyOrder("scale.minScale", "scale.warmPool");
    }

    private static Map<String, Object> scale(String key, Object value) {
        return Map.of("scale", Map.of(key, value));
    }

    private static Map<String, Object> lag(String key, Object value) {
        return Map.of("lag", Map.of(key, value));
    }

    private static Arguments bad(String label, Map<String, Object> tree, String key, String rule) {
        return Arguments.of(label, tree, key, rule);
    }
}
