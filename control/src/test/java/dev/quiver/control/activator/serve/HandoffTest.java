package dev.quiver.control.activator.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.control.activator.serve.Handoff.BindActivator;
import dev.quiver.control.activator.serve.Handoff.Close;
import dev.quiver.control.activator.serve.Handoff.Listen;
import dev.quiver.control.activator.serve.Handoff.ReleaseActivator;
import dev.quiver.control.activator.serve.Handoff.Step;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HandoffTest {

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of(
                        "at zero the activator binds", true, false, Set.of(), Set.of(), List.of(new BindActivator())),
                Arguments.of(
                        "at zero with the activator bound nothing changes", true, true, Set.of(), Set.of(), List.of()),
                Arguments.of(
                        "the first ready instance listens, then the activator lets go",
                        true,
                        true,
                        Set.of("a"),
                        Set.of(),
                        List.of(new Listen("a"), new ReleaseActivator())),
                Arguments.of(
                        "a steady function with its instances listening needs nothing",
                        true,
                        false,
                        Set.of("a", "b"),
                        Set.of("a", "b"),
                        List.of()),
                Arguments.of(
                        "scale-out: the new instance listens",
                        true,
                        false,
                        Set.of("a", "b"),
                        Set.of("a"),
                        List.of(new Listen("b"))),
                Arguments.of(
                        "scale-down of one of two: it closes, no activator",
                        true,
                        false,
                        Set.of("a"),
                        Set.of("a", "b"),
                        List.of(new Close("b"))),
                Arguments.of(
                        "scale-down of the last: the activator binds before it closes",
                        true,
                        false,
                        Set.of(),
                        Set.of("a"),
                        List.of(new BindActivator(), new Close("a"))),
                Arguments.of(
                        "a roll: the new generation listens before the old closes",
                        true,
                        false,
                        Set.of("new"),
                        Set.of("old"),
                        List.of(new Listen("new"), new Close("old"))),
                Arguments.of(
                        "a traffic split: the activator binds first, then every instance closes",
                        false,
                        false,
                        Set.of("a"),
                        Set.of("a", "b"),
                        List.of(new BindActivator(), new Close("a"), new Close("b"))),
                Arguments.of(
                        "a traffic split with the activator bound keeps it",
                        false,
                        true,
                        Set.of("a"),
                        Set.of(),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void thePortAlwaysHasAListener(
            String label,
            boolean direct,
            boolean activatorBound,
            Set<String> eligible,
            Set<String> listening,
            List<Step> expected) {
        assertThat(Handoff.plan(direct, activatorBound, eligible, listening)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> revisions() {
        return Stream.of(
                Arguments.of(
                        "one revision with all traffic", List.of(new TrafficTarget("f-00002", 100, null)), "f-00002"),
                Arguments.of(
                        "an old revision at 0 % without a tag is ignored",
                        List.of(new TrafficTarget("f-00001", 0, null), new TrafficTarget("f-00002", 100, null)),
                        "f-00002"),
                Arguments.of(
                        "a split needs the activator",
                        List.of(new TrafficTarget("f-00001", 50, null), new TrafficTarget("f-00002", 50, null)),
                        null),
                Arguments.of(
                        "a tag needs the activator",
                        List.of(new TrafficTarget("f-00001", 0, "old"), new TrafficTarget("f-00002", 100, null)),
                        null),
                Arguments.of("no traffic at all", List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revisions")
    void onlyAFunctionWithoutSplitOrTagIsServedByItsInstances(
            String label, List<TrafficTarget> traffic, String expected) {
        assertThat(Handoff.servingRevision(traffic)).isEqualTo(Optional.ofNullable(expected));
    }
}
