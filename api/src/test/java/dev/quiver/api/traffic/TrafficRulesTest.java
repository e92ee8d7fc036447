package dev.quiver.api.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.function.FunctionDocumentReader;
import dev.quiver.scaler.spec.Violation;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrafficRulesTest {
    static List<String> problems(String yaml) {
        List<Violation> errors = new ArrayList<>();
        TrafficRules.read(FunctionDocumentReader.parseYaml(yaml).get("traffic"), errors);
        return errors.stream().map(Violation::toString).toList();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "shares not adding up to 100",
                        "traffic: [{latestRevision: true, percent: 90}]",
                        "traffic: percent must add up to 100, was 90"),
                Arguments.of(
                        "a tag used twice",
                        "traffic: [{latestRevision: true, percent: 50, tag: a}, {revisionName: f-00001, percent: 50,"
                                + " tag: a}]",
                        "traffic[1].tag: is used twice (each tag names one route), was \"a\""),
                Arguments.of(
                        "both a name and latest",
                        "traffic: [{revisionName: f-00001, latestRevision: true, percent: 100}]",
                        "traffic[0]: must have exactly one of revisionName or latestRevision: true"),
                Arguments.of(
                        "a percent above 100",
                        "traffic: [{latestRevision: true, percent: 150}]",
                        "traffic[0].percent: must be 0..100, was 150"),
                Arguments.of(
                        "an unknown key",
                        "traffic: [{latestRevision: true, percent: 100, weight: 3}]",
                        "traffic[0].weight: is not a known key"),
                Arguments.of("not a list", "traffic: all", "traffic: must be a non-empty list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidTrafficIsRefusedNamingTheKey(String label, String yaml, String expected) {
        assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).startsWith(expected));
    }

    @Test
    void noTrafficMeansEveryRequestToTheLatestRevision() {
        assertThat(TrafficRules.read(null, new ArrayList<>())).containsExactly(TrafficEntry.latest(100));
    }

    @Test
    void resolvingNamesTheLatestRevisionAndRefusesAnUnknownOne() {
        List<Violation> errors = new ArrayList<>();
        List<TrafficTarget> t = TrafficRules.resolve(
                List.of(
                        TrafficEntry.latest(10),
                        TrafficEntry.revision("f-00001", 90).withTag("stable")),
                "f-00002",
                Set.of("f-00001", "f-00002"),
                errors);
        assertThat(errors).isEmpty();
        assertThat(t)
                .containsExactly(new TrafficTarget("f-00002", 10, null), new TrafficTarget("f-00001", 90, "stable"));

        TrafficRules.resolve(List.of(TrafficEntry.revision("f-00009", 100)), "f-00002", Set.of("f-00002"), errors);
        assertThat(errors).singleElement().asString().startsWith("traffic[0].revisionName: must be one of");
    }

    @Test
    void theFunctionDocumentRefusesBadTrafficAndAcceptsARolloutDuration() {
        assertThat(TrafficRules.rolloutDuration("5m", new ArrayList<>())).isEqualTo(Duration.ofMinutes(5));
        assertThat(TrafficRules.rolloutDuration("PT30S", new ArrayList<>())).isEqualTo(Duration.ofSeconds(30));
        List<Violation> errors = new ArrayList<>();
        TrafficRules.rolloutDuration("soon", errors);
        assertThat(errors).singleElement().asString().startsWith("rolloutDuration: must be a duration");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FunctionDocumentReader.readYaml(
                        "name: f\nartifact: f.jar\ntraffic: [{latestRevision: true, percent: 90}]\n"))
                .hasMessageContaining("traffic: percent must add up to 100");
    }
}
