package dev.quiver.control.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FastPromotionTest {
    static final Instant T0 = Instant.parse("2026-11-28T04:00:00Z");

    static InstanceView i(String id, Role role, InstanceView.State state, int startedSecond, boolean current) {
        return new InstanceView(id, "127.0.0.1", 9000, role, state, T0.plusSeconds(startedSecond), current);
    }

    static InstanceView pool(String id, int startedSecond) {
        return i(id, Role.POOL, InstanceView.State.READY, startedSecond, true);
    }

    record Case(String label, List<InstanceView> instances, String picked) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("at zero with a ready pool instance: it is promoted", List.of(pool("w", 0)), "w"),
                new Case("the oldest of several pool instances first", List.of(pool("b", 5), pool("a", 1)), "a"),
                new Case(
                        "an instance in traffic already: nothing (the request waits for a slot)",
                        List.of(i("a", Role.ACTIVE, InstanceView.State.READY, 0, true), pool("w", 0)),
                        null),
                new Case(
                        "a pool instance still starting: nothing (the loop decides)",
                        List.of(i("w", Role.POOL, InstanceView.State.STARTING, 0, true)),
                        null),
                new Case(
                        "a pool instance of an older revision: nothing",
                        List.of(i("w", Role.POOL, InstanceView.State.READY, 0, false)),
                        null),
                new Case(
                        "a draining pool instance: nothing",
                        List.of(i("w", Role.POOL, InstanceView.State.DRAINING, 0, true)),
                        null),
                new Case(
                        "an active instance still starting does not stop the promotion",
                        List.of(i("s", Role.ACTIVE, InstanceView.State.STARTING, 0, true), pool("w", 3)),
                        "w"),
                new Case("no instances: nothing", List.of(), null));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void picksTheReadyPoolInstanceOnlyWhenNothingIsInTraffic(Case c) {
        assertThat(FastPromotion.pick(c.instances()).map(InstanceView::id)).isEqualTo(Optional.ofNullable(c.picked()));
    }
}
