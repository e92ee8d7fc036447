package dev.quiver.control.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.activator.admission.FunctionQueue;
import dev.quiver.control.activator.balance.Slot;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.observe.stats.StatsSource;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.control.route.Routing;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.lag.PartitionOffsets;
import dev.quiver.scaler.warmpool.PoolAction;
import dev.quiver.scaler.warmpool.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared loop against a hand-written backend: what it observes, what it decides, what it shows and publishes. */
class FunctionLoopTest {
    static final Instant T0 = Instant.parse("2026-11-28T04:00:00Z");
    static final FunctionRef F = FunctionRef.local("f");

    final FakeInstanceBackend backend = new FakeInstanceBackend();
    final MutableClock clock = new MutableClock(T0);
    final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    final PublishedEndpoints endpoints = new PublishedEndpoints();
    final List<Decision> decisions = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    FunctionLoop loop(StatsSource stats, LagReader lag, QueuedRequests queued) {
        FunctionLoop loop = new FunctionLoop(
                backend,
                stats,
                lag,
                queued,
                RoutePublisher.of(endpoints),
                clock,
                thread,
                new LoopSettings(Duration.ofSeconds(1), 10));
        loop.onDecision((ref, d) -> decisions.add(d));
        return loop;
    }

    static StatsSource stats(Map<String, Double> concurrencyByHost) {
        return (host, port) -> CompletableFuture.completedFuture(Optional.ofNullable(concurrencyByHost.get(host))
                .map(c -> new StatsReport("READY", (int) Math.round(c), 0, c, 2 * c, 1, 0, 0, 0, 0, 100, 1000)));
    }

    static LagReader offsets(List<PartitionOffsets> offsets) {
        return (topic, group) -> CompletableFuture.completedFuture(Optional.of(offsets));
    }

    record Case(
            String label,
            LoopFunction function,
            List<InstanceView> instances,
            Map<String, Double> concurrency,
            int queued,
            List<PartitionOffsets> offsets,
            int desired,
            double shownConcurrency,
            long shownLag) {
        @Override
        public String toString() {
            return label;
        }
    }

    static InstanceView at(String host, Role role) {
        return new InstanceView(host, host, 8080, role, InstanceView.State.READY, T0, true);
    }

    static Stream<Case> rounds() {
        return Stream.of(
                new Case(
                        "requests held by the activator count as concurrency",
                        Specs.http("f", Map.of("target", 10)),
                        List.of(at("a", Role.ACTIVE)),
                        Map.of("a", 10.0),
                        5,
                        null,
                        3,
                        15,
                        -1),
                new Case(
                        "warm-pool instances' stats do not count",
                        Specs.http("f", Map.of("target", 10, "warmPool", 1)),
                        List.of(at("a", Role.ACTIVE), at("w", Role.POOL)),
                        Map.of("a", 3.0, "w", 50.0),
                        0,
                        null,
                        1,
                        3,
                        -1),
                new Case(
                        "the lag shown is the scaler's: never-committed partitions count their end (earliest)",
                        Specs.kafka("f", Map.of(), Map.of("lagThreshold", 10, "offsetResetPolicy", "earliest")),
                        List.of(at("a", Role.ACTIVE)),
                        Map.of(),
                        0,
                        List.of(new PartitionOffsets("0", 100, 50), PartitionOffsets.neverCommitted("1", 30)),
                        2,
                        0,
                        80),
                new Case(
                        "the lag shown is the scaler's: never-committed partitions count 1 (latest)",
                        Specs.kafka("f", Map.of(), Map.of("lagThreshold", 100)),
                        List.of(at("a", Role.ACTIVE)),
                        Map.of(),
                        0,
                        List.of(new PartitionOffsets("0", 100, 50), PartitionOffsets.neverCommitted("1", 30)),
                        1,
                        0,
                        51));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rounds")
    void aRoundObservesDecidesAndShowsWhatTheDecisionUsed(Case c) {
        backend.set(F, c.instances().toArray(InstanceView[]::new));
        FunctionLoop loop = loop(
                stats(c.concurrency()), c.offsets() == null ? LagReader.NONE : offsets(c.offsets()), ref -> c.queued());
        loop.deploy(c.function()).join();
        decisions.clear();
        clock.advance(Duration.ofSeconds(1));

        loop.tick().join();

        assertThat(decisions).hasSize(1);
        Decision d = decisions.get(0);
        assertThat(d.desired()).isEqualTo(c.desired());
        LoopStatus s = loop.status(F).orElseThrow();
        assertThat(s.concurrency()).isEqualTo(c.shownConcurrency());
        assertThat(s.queued()).isEqualTo(c.queued());
        assertThat(s.lag()).isEqualTo(c.shownLag());
        assertThat(s.lag()).isEqualTo(d.lag() == null ? -1 : d.lag().totals().forScaling());
        assertThat(List.of(s.ready(), s.warm(), s.desired())).isEqualTo(List.of(d.ready(), d.warm(), d.desired()));
        assertThat(s.mode()).isEqualTo(d.mode().key());
        assertThat(s.reasons()).isEqualTo(d.reasons());
        assertThat(loop.history(F)).containsExactly(s.sample(clock.instant().toEpochMilli()));
        assertThat(backend.applied).last().isEqualTo(d);
    }

    @Test
    void aFunctionDecidesAtItsTickIntervalAndRecordsEveryRound() {
        FunctionLoop loop = loop(StatsSource.NONE, LagReader.NONE, QueuedRequests.NONE);
        loop.deploy(Specs.http("f", Map.of("tickInterval", "3s"))).join();
        decisions.clear();

        for (int s = 0; s < 6; s++) {
            loop.tick().join();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(decisions)
                .extracting(d -> d.at().getEpochSecond() - T0.getEpochSecond())
                .containsExactly(0L, 3L);
        assertThat(loop.history(F)).hasSize(6);
    }

    @Test
    void startedInstancesArePublishedOnceReadyAndActive() throws Exception {
        FunctionLoop loop = loop(StatsSource.NONE, LagReader.NONE, QueuedRequests.NONE);
        loop.deploy(Specs.http("f", Map.of("minScale", 1, "warmPool", 1))).join();
        assertThat(backend.actions())
                .containsExactlyInAnyOrder(new PoolAction.StartActive(1), new PoolAction.StartWarm(1));
        assertThat(endpoints.routing(F)).hasValue(Routing.none(0));

        backend.readyAll(F);

        thread.submit(() -> {}).get(5, TimeUnit.SECONDS);
        assertThat(endpoints.routing(F).orElseThrow().endpoints())
                .extracting(e -> e.id())
                .containsExactly(backend.instances(F).stream()
                        .filter(i -> i.role() == Role.ACTIVE)
                        .findFirst()
                        .orElseThrow()
                        .id());
        assertThat(loop.status(F).orElseThrow().ready()).isEqualTo(1);
        assertThat(loop.status(F).orElseThrow().warm()).isEqualTo(1);
    }

    @Test
    void aPokeDecidesAtOnceWhileStatsAreStillOnTheirWay() throws Exception {
        CompletableFuture<Optional<StatsReport>> never = new CompletableFuture<>();
        FunctionLoop loop = loop((host, port) -> never, LagReader.NONE, QueuedRequests.NONE);
        backend.fastPath = false;
        backend.set(F, FakeInstanceBackend.ready("w", Role.POOL));
        loop.deploy(Specs.http("f", Map.of("warmPool", 1, "initialScale", 0))).join();
        assertThat(decisions).singleElement().extracting(Decision::desired).isEqualTo(0);
        decisions.clear();
        CompletableFuture<Void> round = loop.tick();

        loop.poke(F);

        thread.submit(() -> {}).get(5, TimeUnit.SECONDS);
        assertThat(round).as("the round still waits for the stats").isNotDone();
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).reasons()).contains("activator poke");
        assertThat(decisions.get(0).actions()).contains(new PoolAction.Promote("w"));
        round.join();
    }

    @Test
    void aPokeAtZeroHandsTheWaitingRequestToAPromotedPoolInstanceBeforeTheLoopsThreadIsFree() throws Exception {
        FunctionLoop loop = loop(StatsSource.NONE, LagReader.NONE, QueuedRequests.NONE);
        backend.set(F, FakeInstanceBackend.ready("w", Role.POOL));
        loop.deploy(Specs.http("f", Map.of("warmPool", 1, "initialScale", 0))).join();
        FunctionQueue queue = new FunctionQueue(F, 10, endpoints.routing(F).orElseThrow());
        endpoints.onChange(ref -> queue.update(endpoints.routing(ref).orElseThrow(), System.nanoTime()));
        List<String> events = new CopyOnWriteArrayList<>();
        loop.onDecision((ref, d) -> events.add("decided " + d.actions()));
        assertThat(queue.enqueue(waiter(events))).isEqualTo(FunctionQueue.Enqueued.OK);
        CompletableFuture<Void> busy = new CompletableFuture<>();
        thread.execute(busy::join);

        loop.poke(F);
        events.add("loop thread free");
        busy.complete(null);
        thread.submit(() -> {}).get(5, TimeUnit.SECONDS);

        assertThat(events).containsExactly("dispatched to w", "loop thread free", "decided [StartWarm[count=1]]");
        assertThat(backend.fastPromoted).containsExactly("w");
        assertThat(backend.actions())
                .as("the loop refills the pool, w is active")
                .doesNotContain(new PoolAction.Promote("w"));
        assertThat(loop.status(F).orElseThrow().ready()).isEqualTo(1);
    }

    @Test
    void withoutTheBackendsFastPathThePokesDecisionPromotes() throws Exception {
        backend.fastPath = false;
        FunctionLoop loop = loop(StatsSource.NONE, LagReader.NONE, QueuedRequests.NONE);
        backend.set(F, FakeInstanceBackend.ready("w", Role.POOL));
        loop.deploy(Specs.http("f", Map.of("warmPool", 1, "initialScale", 0))).join();

        loop.poke(F);
        thread.submit(() -> {}).get(5, TimeUnit.SECONDS);

        assertThat(backend.actions()).contains(new PoolAction.Promote("w"));
        assertThat(endpoints.routing(F).orElseThrow().endpoints())
                .extracting(Endpoint::id)
                .containsExactly("w");
    }

    static FunctionQueue.Waiter waiter(List<String> events) {
        return new FunctionQueue.Waiter() {
            @Override
            public void dispatch(Slot slot) {
                events.add("dispatched to " + slot.endpoint().id());
            }

            @Override
            public void abandon() {
                events.add("abandoned");
            }
        };
    }

    @Test
    void pokesWaitingForTheLoopAreDecidedOnce() throws Exception {
        FunctionLoop loop = loop(StatsSource.NONE, LagReader.NONE, QueuedRequests.NONE);
        loop.deploy(Specs.http("f", Map.of())).join();
        decisions.clear();
        CompletableFuture<Void> busy = new CompletableFuture<>();
        thread.execute(busy::join);

        loop.poke(F);
        loop.poke(F);
        loop.poke(FunctionRef.local("unknown"));
        busy.complete(null);

        thread.submit(() -> {}).get(5, TimeUnit.SECONDS);
        assertThat(decisions).hasSize(1);
    }

    @Test
    void anUpdateRollsOnlyWhenTheRevisionChanges() {
        FunctionLoop loop = loop(StatsSource.NONE, LagReader.NONE, QueuedRequests.NONE);
        LoopFunction f = Specs.http("f", Map.of("minScale", 1));
        assertThat(loop.deploy(f).join()).isTrue();

        assertThat(loop.deploy(Specs.http("f", Map.of("minScale", 2))).join()).isFalse();
        assertThat(backend.rolled).isEmpty();
        assertThat(decisions).last().extracting(Decision::desired).isEqualTo(2);

        loop.deploy(new LoopFunction(F, f.scaling(), f.kafka(), 0, "r2")).join();
        assertThat(backend.rolled).containsExactly("r2");
    }

    @Test
    void olderRevisionsAndDrainingInstancesAreNotScaledOn() {
        backend.set(
                F,
                new InstanceView("old", "h", 1, Role.ACTIVE, InstanceView.State.READY, T0, false),
                new InstanceView("gone", "h", 2, Role.ACTIVE, InstanceView.State.DRAINING, T0, true),
                FakeInstanceBackend.ready("new", Role.ACTIVE));
        FunctionLoop loop = loop(StatsSource.NONE, LagReader.NONE, QueuedRequests.NONE);

        loop.deploy(Specs.http("f", Map.of("minScale", 1))).join();

        assertThat(decisions.get(0).ready()).isEqualTo(1);
        assertThat(endpoints.routing(F).orElseThrow().endpoints())
                .as("older revisions serve until replaced")
                .extracting(e -> e.id())
                .containsExactlyInAnyOrder("old", "new");
    }

    @Test
    void deletingRemovesTheRoutingAndTheInstances() {
        FunctionLoop loop = loop(StatsSource.NONE, LagReader.NONE, QueuedRequests.NONE);
        loop.deploy(Specs.http("f", Map.of("minScale", 1))).join();

        assertThat(loop.delete(F).join()).isTrue();

        assertThat(endpoints.routing(F)).isEmpty();
        assertThat(backend.removed).containsExactly(F);
        assertThat(loop.status(F)).isEmpty();
        assertThat(loop.delete(F).join()).isFalse();
    }
}
