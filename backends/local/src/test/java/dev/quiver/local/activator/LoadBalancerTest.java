package dev.quiver.local.activator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoadBalancerTest {
    static List<Endpoint> endpoints(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Endpoint("i" + i, "127.0.0.1", 1000 + i)).toList();
    }

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("unlimited: power of two choices", 0, LoadBalancer.PowerOfTwoChoices.class),
                Arguments.of("limit 1: first available", 1, LoadBalancer.FirstAvailable.class),
                Arguments.of("limit 3: first available", 3, LoadBalancer.FirstAvailable.class),
                Arguments.of("limit 4: round robin", 4, LoadBalancer.RoundRobin.class),
                Arguments.of("limit 100: round robin", 100, LoadBalancer.RoundRobin.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void thePolicyFollowsTheConcurrencyLimit(String label, int limit, Class<?> policy) {
        assertThat(LoadBalancer.forLimit(limit)).isInstanceOf(policy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void noPolicyExceedsTheLimitAndEveryPolicyFillsAllSlots(String label, int limit, Class<?> policy) {
        List<Endpoint> eps = endpoints(3);
        LoadBalancer lb = LoadBalancer.forLimit(limit);
        int slots = limit == 0 ? 30 : 3 * limit;
        List<Endpoint> picked = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            picked.add(lb.pick(eps, limit));
        }
        assertThat(picked).doesNotContainNull();
        if (limit > 0) {
            assertThat(lb.pick(eps, limit)).isNull();
            assertThat(eps).allSatisfy(e -> assertThat(e.inFlight()).isEqualTo(limit));
        }
    }

    @Test
    void firstAvailablePacksTheFirstInstance() {
        List<Endpoint> eps = endpoints(3);
        LoadBalancer lb = new LoadBalancer.FirstAvailable();

        assertThat(List.of(lb.pick(eps, 2), lb.pick(eps, 2), lb.pick(eps, 2))).extracting(Endpoint::id)
                .containsExactly("i0", "i0", "i1");
    }

    @Test
    void roundRobinSpreadsInTurn() {
        List<Endpoint> eps = endpoints(3);
        LoadBalancer lb = new LoadBalancer.RoundRobin();

        assertThat(List.of(lb.pick(eps, 10), lb.pick(eps, 10), lb.pick(eps, 10), lb.pick(eps, 10)))
                .extracting(Endpoint::id).containsExactly("i0", "i1", "i2", "i0");
    }

    @Test
    void powerOfTwoChoicesPrefersTheLessBusy() {
        List<Endpoint> eps = endpoints(2);
        eps.get(0).tryAcquire(0);
        eps.get(0).tryAcquire(0);

        assertThat(new LoadBalancer.PowerOfTwoChoices().pick(eps, 0).id()).isEqualTo("i1");
    }

    @Test
    void aBrokenEndpointIsNotPicked() {
        List<Endpoint> eps = endpoints(2);
        eps.get(0).markBroken();

        assertThat(IntStream.range(0, 10).mapToObj(i -> new LoadBalancer.PowerOfTwoChoices().pick(eps, 0).id()))
                .containsOnly("i1");
        List<Endpoint> fresh = endpoints(2);
        fresh.get(0).markBroken();
        assertThat(new LoadBalancer.FirstAvailable().pick(fresh, 1).id()).isEqualTo("i1");
    }
}
