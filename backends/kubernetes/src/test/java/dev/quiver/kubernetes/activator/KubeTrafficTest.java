package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.control.activator.Activator;
import dev.quiver.control.activator.ActivatorSettings;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.routing.ClusterRouter;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionStatus;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The activator's split on Kubernetes: {@link KubeDirectory} reads a Function's {@code status.traffic} from the mock
 * API server (CRUD mode) and the shared {@link Activator#revision} decision picks a revision per request; the latest
 * revision is the function's own workload, an older one its {@code <fn>-0000N} workload; a tag routes by its Service's
 * host ({@code <tag>-<fn>}) or the path {@code /f/<fn>@<tag>/}.
 */
@QuarkusTest
@WithKubernetesTestServer
class KubeTrafficTest {
    static final String NS = "split";

    @Inject
    KubernetesClient client;

    KubeDirectory directory;
    Activator activator;
    final ClusterRouter router = new ClusterRouter(NS, "cluster.local");

    @BeforeEach
    void setUp() throws Exception {
        new MockCluster(client).installCrds();
        client.resources(Function.class).inNamespace(NS).delete();
        Function f = Functions.of("hello", NS, Map.of("warmPool", 0));
        Function made = client.resource(f).create();
        FunctionStatus s = new FunctionStatus();
        s.setLatestRevision("hello-00002");
        s.setTraffic(
                List.of(FunctionTraffic.of("hello-00001", 90, null), FunctionTraffic.of("hello-00002", 10, "canary")));
        made.setStatus(s);
        client.resource(made).patchStatus();
        client.resource(Functions.of("plain", NS, Map.of("warmPool", 0))).create();
        directory = new KubeDirectory(client, NS).start();
        activator = new Activator(
                ActivatorSettings.DEFAULTS,
                router,
                directory,
                fn -> {},
                new SimpleMeterRegistry(),
                new ColdStartRecorder(ColdStartRecorder.Listener.NONE));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> directory.traffic(new FunctionRef(NS, "hello")).isPresent()
                        && directory.known(new FunctionRef(NS, "plain")));
    }

    @AfterEach
    void tearDown() {
        directory.close();
    }

    Optional<String> routed(String host, String uri, double draw) {
        return activator
                .revision(router.route(host, uri).orElseThrow(), draw)
                .map(t -> t.function().name() + " " + t.uri());
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of(
                        "a low draw: the old revision's workload",
                        "hello.split.svc.cluster.local",
                        "/x",
                        0.1,
                        "hello-00001 /x"),
                Arguments.of(
                        "a high draw: the latest, the function's own",
                        "hello.split.svc.cluster.local",
                        "/x",
                        0.95,
                        "hello /x"),
                Arguments.of("the tag's Service host", "canary-hello.split.svc.cluster.local", "/x", 0.1, "hello /x"),
                Arguments.of("the tag's path", "quiver-activator", "/f/hello@canary/x", 0.1, "hello /x"),
                Arguments.of("a function without a split", "plain.split", "/", 0.5, "plain /"),
                Arguments.of("an unknown tag", "quiver-activator", "/f/hello@nope/", 0.5, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aRequestGoesToTheRevisionItsDrawOrTagNames(
            String label, String host, String uri, double draw, String expected) {
        assertThat(routed(host, uri, draw)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aNinetyTenSplitOver2000RequestsLandsWithinThreePercent() {
        Random random = new Random(17);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            counts.merge(
                    routed("hello.split.svc.cluster.local", "/", random.nextDouble())
                            .orElseThrow(),
                    1,
                    Integer::sum);
        }
        assertThat(counts.get("hello-00001 /") / 2000.0).isBetween(0.87, 0.93);
        assertThat(counts.get("hello /") / 2000.0).isBetween(0.07, 0.13);
    }

    @Test
    void aRevisionOfTheSplitIsKnownAndRoutedAsAFunctionOfItsOwn() {
        assertThat(directory.routing(new FunctionRef(NS, "hello-00001"))).isPresent();
        assertThat(directory.routing(new FunctionRef(NS, "hello-00009"))).isEmpty();
        assertThat(directory.traffic(new FunctionRef(NS, "plain"))).isEmpty();
    }
}
