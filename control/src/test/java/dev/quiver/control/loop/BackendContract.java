package dev.quiver.control.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.observe.stats.StatsSource;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.QueuedRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same loop code over any {@link InstanceBackend}: each backend's test extends this (the local process backend,
 * the Kubernetes backend on the fabric8 mock server, the hand-written fake) and says how to make a function, how to
 * make its instances ready and what it runs. The loop, its stats and its decisions are the shared ones.
 */
public abstract class BackendContract {
    protected final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T04:00:00Z"));
    private volatile double concurrencyPerInstance;
    private FunctionLoop loop;

    /** The backend under test; its events run on {@code thread}, the loop's. */
    protected abstract InstanceBackend backend(ScheduledExecutorService thread);

    /** A function with these {@code scale} settings, known to the backend, as the loop takes it. */
    protected abstract LoopFunction function(String name, Map<String, Object> scale);

    /** Makes every instance the backend was asked for run and pass readiness (as processes or a kubelet would). */
    protected abstract void makeReady(FunctionRef ref);

    /** How many active instances the backend was asked to run now. */
    protected abstract int activeWanted(FunctionRef ref);

    /** The ids of its instances in traffic and in the warm pool. */
    protected abstract List<String> activeIds(FunctionRef ref);

    protected abstract List<String> warmIds(FunctionRef ref);

    @AfterEach
    void stopLoop() {
        thread.shutdownNow();
    }

    private FunctionLoop loop() {
        if (loop == null) {
            StatsSource stats = (host, port) -> CompletableFuture.completedFuture(Optional.of(new StatsReport(
                    "READY",
                    (int) concurrencyPerInstance,
                    0,
                    concurrencyPerInstance,
                    concurrencyPerInstance,
                    1,
                    0,
                    0,
                    0,
                    0,
                    100,
                    1000)));
            loop = new FunctionLoop(
                    backend(thread),
                    stats,
                    LagReader.NONE,
                    QueuedRequests.NONE,
                    RoutePublisher.NONE,
                    clock,
                    thread,
                    new LoopSettings(Duration.ofSeconds(1), 10));
        }
        return loop;
    }

    /** Lets the loop thread run what events queued (instance ready, exits) until it is idle. */
    private void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            thread.submit(() -> {}).get(10, TimeUnit.SECONDS);
        }
    }

    private void tick() throws Exception {
        clock.advance(Duration.ofSeconds(1));
        loop().tick().get(10, TimeUnit.SECONDS);
        settle();
    }

    @Test
    void aDeployStartsTheInitialScaleAndTheWarmPool() throws Exception {
        LoopFunction f = function("initial", Map.of("minScale", 2, "initialScale", 2, "warmPool", 1));

        loop().deploy(f).get(10, TimeUnit.SECONDS);
        settle();

        assertThat(activeWanted(f.ref())).isEqualTo(2);
        assertThat(warmIds(f.ref())).hasSize(1);
    }

    @Test
    void aPokeAtZeroPromotesTheWarmInstanceIntoTraffic() throws Exception {
        LoopFunction f = function("poked", Map.of("initialScale", 0, "warmPool", 1));
        loop().deploy(f).get(10, TimeUnit.SECONDS);
        settle();
        makeReady(f.ref());
        tick();
        List<String> warm = warmIds(f.ref());
        assertThat(warm).hasSize(1);
        assertThat(activeWanted(f.ref())).isZero();

        loop().poke(f.ref());
        settle();

        assertThat(activeIds(f.ref()))
                .as("the warm instance itself, now in traffic")
                .containsExactlyElementsOf(warm);
        assertThat(loop().status(f.ref()).orElseThrow().desired()).isEqualTo(1);
    }

    @Test
    void aTickScalesOnTheConcurrencyTheInstancesReport() throws Exception {
        LoopFunction f = function("busy", Map.of("minScale", 1, "initialScale", 1, "warmPool", 0, "target", 10));
        loop().deploy(f).get(10, TimeUnit.SECONDS);
        settle();
        makeReady(f.ref());
        concurrencyPerInstance = 30;

        tick();

        LoopStatus s = loop().status(f.ref()).orElseThrow();
        assertThat(s.concurrency()).isEqualTo(30);
        assertThat(s.desired()).as("30 / (target 10 x utilization 0.7)").isEqualTo(5);
        assertThat(activeWanted(f.ref())).isEqualTo(5);
    }

    @Test
    void aDeleteLeavesNothingRunning() throws Exception {
        LoopFunction f = function("deleted", Map.of("minScale", 1, "warmPool", 1));
        loop().deploy(f).get(10, TimeUnit.SECONDS);
        settle();
        makeReady(f.ref());

        assertThat(loop().delete(f.ref()).get(10, TimeUnit.SECONDS)).isTrue();
        settle();

        assertThat(loop().status(f.ref())).isEmpty();
        assertThat(loop().knows(f.ref())).isFalse();
    }
}
