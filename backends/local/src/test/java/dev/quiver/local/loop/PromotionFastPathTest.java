package dev.quiver.local.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.local.registry.FunctionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local backend's promotion fast path over the real loop wiring and a fake runner: a poke promotes and publishes
 * the pool instance on the poking thread; the pool's refill starts once the activator's request to it is answered.
 */
class PromotionFastPathTest {
    static final FunctionRef REV = FunctionRef.local("f-00001");

    @TempDir
    Path home;

    final FakeBackend runner = new FakeBackend();
    final PublishedEndpoints endpoints = new PublishedEndpoints();
    /** The activator's requests in flight, by instance id, as the fake activator holds them. */
    final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    final AtomicInteger inFlightQueries = new AtomicInteger();
    ControlLoop loop;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(home.resolve("f.jar"), "jar");
        loop = Loops.create(
                home,
                runner,
                LagReader.NONE,
                endpoints,
                new ColdStartRecorder(ColdStartRecorder.Listener.NONE),
                (function, instance) -> {
                    inFlightQueries.incrementAndGet();
                    return inFlight.contains(instance) ? 1 : 0;
                });
        loop.start();
        loop.deploy(new FunctionReader(home).read("name: f\nartifact: f.jar\nscale: {initialScale: 0, warmPool: 1}\n"));
        await().untilAsserted(
                        () -> assertThat(loop.status("f").orElseThrow().warm()).isEqualTo(1));
    }

    @AfterEach
    void stop() {
        loop.close();
    }

    @Test
    void aPokePublishesThePromotedInstanceBeforeItReturnsAndTheRefillWaitsForItsAnswer() {
        String pooled = runner.ids().get(0);
        List<String> events = new CopyOnWriteArrayList<>();
        endpoints.onChange(ref -> {
            if (!endpoints.routing(ref).orElseThrow().endpoints().isEmpty()) {
                // the activator's queue dispatches the waiting request here: in flight from now on
                inFlight.add(pooled);
                events.add("published "
                        + endpoints.routing(ref).orElseThrow().endpoints().stream()
                                .map(Endpoint::id)
                                .toList());
            }
        });

        loop.loop().poke(REV);
        events.add("poke returned");

        assertThat(events).containsExactly("published [" + pooled + "]", "poke returned");
        await().untilAsserted(() ->
                assertThat(loop.status("f").orElseThrow().desired()).isEqualTo(1));
        await().untilAsserted(() -> assertThat(inFlightQueries.get()).isPositive());
        assertThat(runner.ids())
                .as("no refill while the promoted instance's request is in flight")
                .hasSize(1);

        inFlight.remove(pooled);

        await().untilAsserted(() -> assertThat(runner.ids()).hasSize(2));
        assertThat(loop.status("f").orElseThrow().promotions()).isEqualTo(1);
    }
}
