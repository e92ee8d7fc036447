package dev.quiver.control.activator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.routing.LocalRouter;
import dev.quiver.control.activator.routing.Target;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.Routing;
import dev.quiver.scaler.traffic.TrafficTarget;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The activator's traffic step: a function's request goes to one of its revisions, a tag to its own. */
class TrafficRoutingTest {
    final PublishedEndpoints endpoints = new PublishedEndpoints();
    final LocalRouter router = new LocalRouter("quiver.localhost");
    final Activator activator = new Activator(
            ActivatorSettings.DEFAULTS,
            router,
            endpoints,
            f -> {},
            new SimpleMeterRegistry(),
            new ColdStartRecorder(ColdStartRecorder.Listener.NONE));

    TrafficRoutingTest() {
        endpoints.publish(FunctionRef.local("hello-00001"), Routing.none(0));
        endpoints.publish(FunctionRef.local("hello-00002"), Routing.none(0));
        endpoints.publish(FunctionRef.local("plain"), Routing.none(0));
        endpoints.publishTraffic(
                FunctionRef.local("hello"),
                List.of(new TrafficTarget("hello-00001", 90, null), new TrafficTarget("hello-00002", 10, "canary")));
    }

    Optional<String> routed(String host, String uri, double draw) {
        return activator
                .revision(router.route(host, uri).orElseThrow(), draw)
                .map(t -> t.function().name() + " " + t.uri());
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("a low draw: the 90 % revision", "localhost", "/f/hello/x", 0.1, "hello-00001 /x"),
                Arguments.of("a high draw: the 10 % revision", "localhost", "/f/hello/x", 0.95, "hello-00002 /x"),
                Arguments.of("the tag's path", "localhost", "/f/hello@canary/x", 0.1, "hello-00002 /x"),
                Arguments.of("the tag's host", "canary-hello.quiver.localhost", "/x", 0.1, "hello-00002 /x"),
                Arguments.of("a function without revisions", "localhost", "/f/plain/", 0.5, "plain /"),
                Arguments.of("an unknown tag", "localhost", "/f/hello@nope/", 0.5, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aRequestGoesToTheRevisionItsDrawOrTagNames(
            String label, String host, String uri, double draw, String expected) {
        assertThat(routed(host, uri, draw)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aNinetyTenSplitOver2000RequestsLandsWithinThreePercent() {
        Random random = new Random(3);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            counts.merge(routed("localhost", "/f/hello/", random.nextDouble()).orElseThrow(), 1, Integer::sum);
        }
        assertThat(counts.get("hello-00001 /") / 2000.0).isBetween(0.87, 0.93);
        assertThat(counts.get("hello-00002 /") / 2000.0).isBetween(0.07, 0.13);
    }

    @Test
    void aTargetOfARevisionKeepsTheUriAndDropsTheTag() {
        Target t = new Target(FunctionRef.local("hello"), "/x", "canary").to(FunctionRef.local("hello-00002"));
        assertThat(t).isEqualTo(new Target(FunctionRef.local("hello-00002"), "/x"));
    }
}
