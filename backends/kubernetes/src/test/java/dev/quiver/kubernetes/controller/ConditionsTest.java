package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.controller.Conditions.Wanted;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionsTest {
    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);

    record Case(String label, FunctionHealth health, String ready, String readyReason, String zero) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                        new Case(
                                "at zero: ready through the activator",
                                new FunctionHealth(0, 0, 1),
                                "True",
                                "ScaledToZero",
                                "True"),
                        new Case("serving", new FunctionHealth(2, 1, 1), "True", "Serving", "False"),
                        new Case("starting", new FunctionHealth(2, 0, 0), "False", "Starting", "False"),
                        new Case(
                                "draining to zero still serves",
                                new FunctionHealth(0, 1, 0),
                                "True",
                                "Serving",
                                "False"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conditionsFollowTheCounts(Case c) {
        List<Condition> cs = Conditions.set(List.of(), c.health().conditions(), T0, 3L);
        assertThat(Conditions.find(cs, Conditions.READY).getStatus()).isEqualTo(c.ready());
        assertThat(Conditions.find(cs, Conditions.READY).getReason()).isEqualTo(c.readyReason());
        assertThat(Conditions.find(cs, Conditions.SCALED_TO_ZERO).getStatus()).isEqualTo(c.zero());
        assertThat(Conditions.find(cs, Conditions.FAILED).getStatus()).isEqualTo("False");
        assertThat(cs).allSatisfy(x -> assertThat(x.getObservedGeneration()).isEqualTo(3L));
    }

    @Test
    void transitionTimeMovesOnlyWhenTheStatusChanges() {
        List<Condition> first = Conditions.set(List.of(), List.of(new Wanted("Ready", false, "Starting", "")), T0, 1L);
        List<Condition> same = Conditions.set(first, List.of(new Wanted("Ready", false, "Starting", "")), T1, 1L);
        List<Condition> flipped = Conditions.set(same, List.of(new Wanted("Ready", true, "Serving", "")), T1, 1L);

        assertThat(same.get(0).getLastTransitionTime()).isEqualTo(T0.toString());
        assertThat(flipped.get(0).getLastTransitionTime()).isEqualTo(T1.toString());
    }

    @Test
    void invalidSpecSaysFailedWithTheMessage() {
        List<Condition> cs = Conditions.set(List.of(), FunctionHealth.invalid("spec.image: is required"), T0, 1L);
        assertThat(Conditions.find(cs, Conditions.FAILED).getStatus()).isEqualTo("True");
        assertThat(Conditions.find(cs, Conditions.FAILED).getMessage()).isEqualTo("spec.image: is required");
        assertThat(Conditions.find(cs, Conditions.READY).getStatus()).isEqualTo("False");
    }
}
