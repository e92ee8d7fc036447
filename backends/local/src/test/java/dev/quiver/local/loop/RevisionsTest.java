package dev.quiver.local.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.api.traffic.TrafficEntry;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.local.registry.FunctionReader;
import dev.quiver.local.registry.InvalidFunctionException;
import dev.quiver.local.registry.revision.Revision;
import dev.quiver.scaler.traffic.TrafficSplit;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revisions and traffic on the local backend, over a fake process runner: what each deploy makes and serves. */
class RevisionsTest {
    static final String SPEC = "name: f\nartifact: f.jar\n";

    @TempDir
    Path home;

    final FakeBackend backend = new FakeBackend();
    final PublishedEndpoints endpoints = new PublishedEndpoints();
    ControlLoop loop;
    FunctionReader reader;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(home.resolve("f.jar"), "code v1");
        reader = new FunctionReader(home);
        loop = open();
    }

    ControlLoop open() {
        ControlLoop l = Loops.create(
                home, backend, LagReader.NONE, endpoints, new ColdStartRecorder(ColdStartRecorder.Listener.NONE));
        l.start();
        return l;
    }

    @AfterEach
    void stop() {
        loop.close();
    }

    List<String> revisions() {
        return loop.revisions().store().revisions("f").stream()
                .map(Revision::name)
                .toList();
    }

    List<TrafficTarget> traffic() {
        return endpoints.traffic(FunctionRef.local("f")).orElseThrow();
    }

    @Test
    void aFunctionUpdatedTwiceHasThreeRevisionsAndAnUnchangedDeployMakesNone() throws Exception {
        loop.deploy(reader.read(SPEC));
        loop.deploy(reader.read(SPEC));
        assertThat(revisions()).containsExactly("f-00001");

        Files.writeString(home.resolve("f.jar"), "code v2");
        loop.deploy(reader.read(SPEC));
        loop.deploy(reader.read(SPEC + "properties: {greeting: hi}\n"));
        loop.deploy(reader.read(SPEC + "properties: {greeting: hi}\nscale: {maxScale: 3}\n"));

        assertThat(revisions())
                .as("code, then configuration; scaling alone makes none")
                .containsExactly("f-00001", "f-00002", "f-00003");
        Revision first = loop.revisions().store().revisions("f").get(0);
        assertThat(Files.readString(loop.revisions().store().artifact(first)))
                .as("a revision keeps its own copy: the rebuild did not change it")
                .isEqualTo("code v1");
        assertThat(traffic()).containsExactly(new TrafficTarget("f-00003", 100, null));
    }

    @Test
    void afterADeployReturnsEveryRequestGoesToTheNewCodeAndNoOldPoolInstanceIsPromoted() throws Exception {
        String spec = SPEC + "scale: {initialScale: 0, warmPool: 1}\n";
        loop.deploy(reader.read(spec));
        await().untilAsserted(() -> assertThat(backend.ids()).containsExactly("f-00001-1"));

        Files.writeString(home.resolve("f.jar"), "code v2");
        loop.deploy(reader.read(spec));

        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            assertThat(TrafficSplit.pick(traffic(), random.nextDouble())).contains("f-00002");
        }
        assertThat(loop.loop().knows(FunctionRef.local("f-00001")))
                .as("the old revision left the loop: nothing of it can be promoted")
                .isFalse();
        await().untilAsserted(() -> assertThat(backend.ids()).containsExactly("f-00002-1"));
        assertThat(Files.readString(backend.artifacts.get("f-00002-1"))).isEqualTo("code v2");
    }

    @Test
    void aZeroPercentUntaggedRevisionScalesToZeroWithoutDisturbingTheOther() throws Exception {
        loop.deploy(reader.read(SPEC + "scale: {minScale: 1}\n"));
        Files.writeString(home.resolve("f.jar"), "code v2");
        loop.deploy(reader.read(SPEC + "scale: {minScale: 1}\ntraffic:\n"
                + "- {revisionName: f-00001, percent: 90}\n- {latestRevision: true, percent: 10}\n"));
        await().untilAsserted(() -> assertThat(backend.ids()).containsExactly("f-00001-1", "f-00002-1"));
        assertThat(TrafficSplit.shares(traffic()))
                .containsExactly(java.util.Map.entry("f-00001", 90), java.util.Map.entry("f-00002", 10));

        assertThat(loop.setTraffic("f", List.of(TrafficEntry.revision("f-00001", 0), TrafficEntry.latest(100))))
                .isEmpty();

        await().untilAsserted(() -> assertThat(backend.ids()).containsExactly("f-00002-1"));
        assertThat(backend.running.get("f-00002-1").stopping()).isFalse();
        assertThat(traffic()).extracting(TrafficTarget::revision).containsExactly("f-00001", "f-00002");
    }

    @Test
    void aTaggedRevisionWithoutAShareKeepsItsInstancesForItsRoute() throws Exception {
        loop.deploy(reader.read(SPEC + "scale: {minScale: 1}\n"));
        Files.writeString(home.resolve("f.jar"), "code v2");
        loop.deploy(
                reader.read(
                        SPEC + "scale: {minScale: 1}\ntraffic:\n"
                                + "- {revisionName: f-00001, percent: 100, tag: stable}\n- {latestRevision: true, percent: 0, tag: next}\n"));

        await().untilAsserted(() -> assertThat(backend.ids()).containsExactly("f-00001-1", "f-00002-1"));
        assertThat(TrafficSplit.tagged(traffic(), "next")).contains("f-00002");
        assertThat(TrafficSplit.pick(traffic(), 0.999)).contains("f-00001");
    }

    @Test
    void rollingBackIsOneTrafficChangeAndSurvivesARestart() throws Exception {
        loop.deploy(reader.read(SPEC));
        Files.writeString(home.resolve("f.jar"), "code v2");
        loop.deploy(reader.read(SPEC));
        assertThat(traffic()).containsExactly(new TrafficTarget("f-00002", 100, null));

        assertThat(loop.setTraffic("f", List.of(TrafficEntry.revision("f-00001", 100))))
                .isEmpty();
        assertThat(traffic()).containsExactly(new TrafficTarget("f-00001", 100, null));

        loop.close();
        loop = open();
        loop.deploy(reader.read(SPEC + "traffic: [{revisionName: f-00001, percent: 100}]\n"));
        assertThat(revisions())
                .as("restarted: no new revision for the same code")
                .containsExactly("f-00001", "f-00002");
        assertThat(traffic()).containsExactly(new TrafficTarget("f-00001", 100, null));
    }

    @Test
    void trafficNamingAnUnknownRevisionOrNotSummingTo100IsRefusedWithItsKey() {
        loop.deploy(reader.read(SPEC));

        assertThat(loop.check(reader.read(SPEC + "traffic: [{revisionName: f-00009, percent: 100}]\n")))
                .singleElement()
                .asString()
                .startsWith("traffic[0].revisionName: must be one of the function's revisions [f-00001]");
        assertThat(loop.setTraffic("f", List.of(TrafficEntry.latest(90))))
                .containsExactly("traffic: percent must add up to 100, was 90");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loop.deploy(reader.read(SPEC
                        + "traffic: [{latestRevision: true, percent: 50, tag: a}, "
                        + "{revisionName: f-00001, percent: 50, tag: a}]\n")))
                .isInstanceOf(InvalidFunctionException.class)
                .hasMessageContaining("traffic[1].tag: is used twice");
    }

    @Test
    void aRolloutMovesTheLatestRevisionsShareInStepsOverItsDuration() throws Exception {
        loop.close();
        Instant[] now = {Instant.parse("2026-11-28T07:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        loop = dev.quiver.local.PlatformBeans.create(
                Loops.settings(home),
                new dev.quiver.local.registry.FunctionRegistry(reader),
                dev.quiver.control.route.QueuedRequests.NONE,
                dev.quiver.local.backend.LocalBackend.ActivatorInFlight.NONE,
                endpoints,
                backend,
                LagReader.NONE,
                clock,
                new dev.quiver.local.metrics.PlatformMeters(
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                new ColdStartRecorder(ColdStartRecorder.Listener.NONE),
                5);
        loop.start();
        String spec = SPEC + "rolloutDuration: 100s\n";
        loop.deploy(reader.read(spec));
        Files.writeString(home.resolve("f.jar"), "code v2");
        loop.deploy(reader.read(spec));
        assertThat(TrafficSplit.shares(traffic()))
                .containsExactly(java.util.Map.entry("f-00001", 99), java.util.Map.entry("f-00002", 1));

        now[0] = now[0].plusSeconds(50);
        await().untilAsserted(() -> assertThat(TrafficSplit.shares(traffic()))
                .containsExactly(java.util.Map.entry("f-00001", 49), java.util.Map.entry("f-00002", 51)));

        now[0] = now[0].plusSeconds(50);
        await().untilAsserted(() -> assertThat(traffic()).containsExactly(new TrafficTarget("f-00002", 100, null)));
        await().untilAsserted(() -> assertThat(loop.loop().knows(FunctionRef.local("f-00001")))
                .as("the old revision left the loop once the rollout was over")
                .isFalse());
    }

    @Test
    void oldRevisionsAreGarbageCollectedPastTheNewestFiveButNeverOneWithTraffic() throws Exception {
        loop.deploy(reader.read(SPEC));
        for (int v = 2; v <= 7; v++) {
            Files.writeString(home.resolve("f.jar"), "code v" + v);
            loop.deploy(reader.read(SPEC + "traffic: [{revisionName: f-00001, percent: 100}]\n"));
        }

        assertThat(revisions()).containsExactly("f-00001", "f-00003", "f-00004", "f-00005", "f-00006", "f-00007");
    }
}
