package dev.quiver.kubernetes.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.resource.FunctionRollout;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RevisionRolloutTest {
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final Duration MINUTE = Duration.ofSeconds(60);
    static final List<FunctionTraffic> OLD = List.of(FunctionTraffic.of("f-00001", 100, null));
    static final List<FunctionTraffic> NEW = List.of(FunctionTraffic.of("f-00002", 100, null));
    static final FunctionRollout STARTED = FunctionRollout.of("f-00002", T0.toString(), OLD);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a new latest revision starts a rollout at 1 %",
                        new RevisionRollout.Before("f-00001", OLD, null),
                        MINUTE,
                        0,
                        List.of("f-00001=99", "f-00002=1"),
                        true),
                Arguments.of(
                        "halfway, about half has moved",
                        new RevisionRollout.Before("f-00002", OLD, STARTED),
                        MINUTE,
                        30,
                        List.of("f-00001=49", "f-00002=51"),
                        true),
                Arguments.of(
                        "at the end the spec's split holds and the rollout is over",
                        new RevisionRollout.Before("f-00002", OLD, STARTED),
                        MINUTE,
                        60,
                        List.of("f-00002=100"),
                        false),
                Arguments.of(
                        "no rolloutDuration: all at once",
                        new RevisionRollout.Before("f-00001", OLD, null),
                        Duration.ZERO,
                        0,
                        List.of("f-00002=100"),
                        false),
                Arguments.of(
                        "the first revision has nothing to roll from",
                        RevisionRollout.Before.NONE,
                        MINUTE,
                        0,
                        List.of("f-00002=100"),
                        false),
                Arguments.of(
                        "the same latest revision without a rollout stays as the spec says",
                        new RevisionRollout.Before("f-00002", NEW, null),
                        MINUTE,
                        10,
                        List.of("f-00002=100"),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theSplitAtEachMomentOfARollout(
            String name,
            RevisionRollout.Before before,
            Duration duration,
            int seconds,
            List<String> split,
            boolean rolling) {
        RevisionRollout.Step step = RevisionRollout.next(before, "f-00002", NEW, duration, T0.plusSeconds(seconds));

        assertThat(step.traffic().stream()
                        .filter(t -> t.getPercent() > 0)
                        .map(t -> t.getRevisionName() + "=" + t.getPercent())
                        .sorted()
                        .toList())
                .containsExactlyElementsOf(split);
        assertThat(step.rolling()).isEqualTo(rolling);
        if (rolling) {
            assertThat(step.rollout().getStartedAt()).isEqualTo(T0.toString());
        }
    }
}
