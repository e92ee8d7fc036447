package dev.quiver.local.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.local.backend.Purpose;
import dev.quiver.local.registry.FunctionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's wiring of scaler decisions to a (fake) backend and the activator gate. */
class ControlLoopTest {
    @TempDir
    Path home;

    final FakeBackend backend = new FakeBackend();
    final ColdStartRecorder coldStarts = new ColdStartRecorder(ColdStartRecorder.Listener.NONE);
    final PublishedEndpoints endpoints = new PublishedEndpoints();
    ControlLoop loop;
    FunctionReader reader;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(home.resolve("f.jar"), "jar");
        reader = new FunctionReader(home);
        loop = Loops.create(home, backend, LagReader.NONE, endpoints, coldStarts);
        loop.start();
    }

    @AfterEach
    void stop() {
        loop.close();
    }

    @Test
    void aRequestAtZeroPokesTheScalerWhichPromotesThePoolInstance() {
        loop.deploy(reader.read("name: f\nartifact: f.jar\nscale: {initialScale: 0, warmPool: 1}\n"));
        await().untilAsserted(
                        () -> assertThat(loop.status("f").orElseThrow().warm()).isEqualTo(1));
        String pooled = backend.ids().get(0);
        loop.loop().poke(FunctionRef.local("f-00001"));

        await().untilAsserted(() -> assertThat(endpoints
                        .routing(FunctionRef.local("f-00001"))
                        .orElseThrow()
                        .endpoints())
                .extracting(dev.quiver.control.route.Endpoint::id)
                .containsExactly(pooled));
        var s = loop.status("f").orElseThrow();
        assertThat(s.promotions()).isEqualTo(1);
        assertThat(s.coldStarts()).isZero();
        await().untilAsserted(() -> assertThat(backend.ids()).hasSize(2));
    }

    @Test
    void aCrashedInstanceIsCountedAndReplaced() {
        loop.deploy(reader.read("name: f\nartifact: f.jar\nscale: {minScale: 1}\n"));
        await().untilAsserted(
                        () -> assertThat(loop.status("f").orElseThrow().ready()).isEqualTo(1));
        String first = backend.ids().get(0);

        backend.running.get(first).crash();

        await().untilAsserted(() -> {
            var s = loop.status("f").orElseThrow();
            assertThat(s.crashes()).isEqualTo(1);
            assertThat(s.ready()).isEqualTo(1);
            assertThat(backend.ids()).hasSize(1).doesNotContain(first);
        });
    }

    @Test
    void anUpdateThatNeedsNewProcessesReplacesTheInstancesAfterANewOneIsReady() throws Exception {
        loop.deploy(reader.read("name: f\nartifact: f.jar\nscale: {minScale: 2, initialScale: 2}\n"));
        await().untilAsserted(() -> assertThat(backend.ids()).hasSize(2));
        List<String> old = backend.ids();

        loop.deploy(reader.read(
                "name: f\nartifact: f.jar\nproperties: {greeting: hi}\n" + "scale: {minScale: 2, initialScale: 2}\n"));

        await().untilAsserted(() -> assertThat(backend.ids()).hasSize(2).doesNotContainAnyElementsOf(old));
    }

    @Test
    void deletingStopsEveryInstanceAndRemovesItsRouting() {
        loop.deploy(reader.read("name: f\nartifact: f.jar\nscale: {minScale: 1, warmPool: 1}\n"));
        await().untilAsserted(() -> assertThat(backend.ids()).hasSize(2));

        assertThat(loop.delete("f")).isTrue();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(backend.ids()).isEmpty());
        assertThat(endpoints.routing(FunctionRef.local("f-00001"))).isEmpty();
        assertThat(endpoints.traffic(FunctionRef.local("f")))
                .as("no longer published")
                .isEmpty();
        assertThat(loop.delete("f")).isFalse();
    }

    @Test
    void poolInstancesStartWithTheirWarmUpAndInstancesForTrafficStartOnDemand() {
        loop.deploy(reader.read("name: f\nartifact: f.jar\nscale: {minScale: 1, initialScale: 1, warmPool: 1}\n"));

        await().untilAsserted(() -> assertThat(backend.purposes).hasSize(2));
        assertThat(backend.purposes.values()).containsExactlyInAnyOrder(Purpose.ON_DEMAND, Purpose.WARM_POOL);
    }

    @Test
    void everyReadyInstanceRecordsItsStartUpByLaunchModeAndRole() {
        loop.deploy(reader.read("name: f\nartifact: f.jar\nscale: {minScale: 1, initialScale: 1, warmPool: 1}\n"));

        await().untilAsserted(() -> assertThat(coldStarts.snapshot("f").startups())
                .extracting(s -> s.launch() + "/" + s.role() + "/" + s.measuredBy() + "/"
                        + s.figures().count())
                .containsExactly("-/active/platform/1", "-/pool/platform/1"));
        assertThat(loop.delete("f")).isTrue();
        assertThat(coldStarts.snapshot("f").startups()).isEmpty();
    }
}
