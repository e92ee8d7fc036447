package dev.quiver.control.loop;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.observe.stats.StatsSource;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Poker;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.control.route.Routing;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.FunctionScaler;
import dev.quiver.scaler.decision.Observation;
import dev.quiver.scaler.lag.PartitionOffsets;
import dev.quiver.scaler.warmpool.Instance;
import dev.quiver.scaler.warmpool.PoolAction;
import dev.quiver.scaler.warmpool.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one function loop of both backends. On its executor's thread (one thread: a deploy, a poke and a tick of the
 * same function never overlap) it, every scrape interval, reads the stats of every function's instances and records
 * each function's concurrency (its active instances' plus the requests the activator holds: they reached no instance,
 * so nothing counts twice); every tick interval of a function it also reads its Kafka lag, asks scaler-core's
 * {@link dev.quiver.scaler.decision.FunctionScaler} to decide and hands the decision to the {@link InstanceBackend}.
 * Readings are asynchronous: the thread stays free for pokes while they are in flight. Pokes decide at once; a new
 * revision rolls the instances. Time comes from the injected {@link Clock} and is passed to the scaler as data.
 */
public final class FunctionLoop implements Poker, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionLoop.class);

    private final InstanceBackend backend;
    private final StatsSource stats;
    private final LagReader lag;
    private final QueuedRequests queued;
    private final RoutePublisher routes;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final LoopSettings settings;
    private final Map<FunctionRef, FunctionState> functions =
            new ConcurrentSkipListMap<>(Comparator.comparing(FunctionRef::toString));
    private final List<BiConsumer<FunctionRef, Decision>> decisionListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean roundRunning = new AtomicBoolean();

    /**
     * @param executor the loop's thread (single-threaded); the loop schedules on it and never blocks it
     * @param routes   where ready endpoints are published for an in-process activator ({@link RoutePublisher#NONE}
     *                 when the activator finds them elsewhere)
     */
    public FunctionLoop(
            InstanceBackend backend,
            StatsSource stats,
            LagReader lag,
            QueuedRequests queued,
            RoutePublisher routes,
            Clock clock,
            ScheduledExecutorService executor,
            LoopSettings settings) {
        this.backend = backend;
        this.stats = stats;
        this.lag = lag;
        this.queued = queued;
        this.routes = routes;
        this.clock = clock;
        this.executor = executor;
        this.settings = settings;
        backend.onChange(ref -> executor.execute(() -> safely(ref, () -> changed(ref))));
    }

    /** Starts the rounds: one every scrape interval (a round still running is not overlapped). */
    public void start() {
        long ms = settings.scrapeInterval().toMillis();
        executor.scheduleAtFixedRate(
                () -> {
                    if (roundRunning.compareAndSet(false, true)) {
                        tick().whenComplete((v, e) -> roundRunning.set(false));
                    }
                },
                ms,
                ms,
                TimeUnit.MILLISECONDS);
    }

    /** Called after every decision, on the loop thread (e.g. to write a status). */
    public void onDecision(BiConsumer<FunctionRef, Decision> listener) {
        decisionListeners.add(listener);
    }

    /**
     * Deploys a function or updates it: a changed scaling spec rebuilds its scaler, a changed revision rolls its
     * instances. Decides at once.
     *
     * @return completes with whether it was created
     */
    public CompletableFuture<Boolean> deploy(LoopFunction f) {
        return onLoop(() -> {
            Instant now = clock.instant();
            FunctionState st = functions.get(f.ref());
            if (st == null) {
                st = new FunctionState(f, now, new History(settings.historySamples()));
                functions.put(f.ref(), st);
                LOG.info("{}: deployed", f.ref());
                decide(st, now, null, false);
                return true;
            }
            LoopFunction old = st.function;
            st.function = f;
            if (!f.scaling().equals(old.scaling())) {
                st.scaler = new FunctionScaler(f.scaling(), now);
            }
            if (!f.revision().equals(old.revision())) {
                LOG.info("{}: updated, rolling instances to revision {}", f.ref(), f.revision());
                st.deciding.lock();
                try {
                    backend.roll(f);
                } finally {
                    st.deciding.unlock();
                }
            } else if (!f.equals(old)) {
                LOG.info("{}: updated (scaling settings)", f.ref());
            }
            decide(st, now, null, false);
            return false;
        });
    }

    /** @return completes with whether the function existed */
    public CompletableFuture<Boolean> delete(FunctionRef ref) {
        return onLoop(() -> {
            FunctionState st = functions.remove(ref);
            if (st == null) {
                return false;
            }
            st.deciding.lock(); // a fast promotion under way publishes before the routing goes, never after
            try {
                routes.remove(ref);
                backend.remove(ref);
            } finally {
                st.deciding.unlock();
            }
            LOG.info("{}: deleted", ref);
            return true;
        });
    }

    /**
     * A request for {@code ref} is waiting and no instance can take it: decide now (once per pending poke). When no
     * instance is in traffic but one waits ready in the warm pool ({@link FastPromotion}), it is promoted and
     * published on the caller's thread first, so the waiting request goes to it without waiting for the loop's
     * thread; the loop's decision follows and sees it active.
     */
    @Override
    public void poke(FunctionRef ref) {
        FunctionState st = functions.get(ref);
        if (st == null) {
            return;
        }
        promoteNow(st);
        synchronized (st) {
            if (st.pokePending) {
                return;
            }
            st.pokePending = true;
        }
        executor.execute(() -> safely(ref, () -> {
            synchronized (st) {
                st.pokePending = false;
            }
            if (functions.get(ref) == st) {
                decide(st, clock.instant(), null, true);
            }
        }));
    }

    /**
     * The fast path, skipped (left to the loop's decision) while the loop's thread decides for this function: the
     * two never interleave their reads of the instances and their publications.
     */
    private void promoteNow(FunctionState st) {
        if (!st.deciding.tryLock()) {
            return;
        }
        try {
            FunctionRef ref = st.function.ref();
            if (functions.get(ref) != st) {
                return;
            }
            Optional<InstanceView> pick = FastPromotion.pick(backend.instances(ref));
            if (pick.isPresent() && backend.promoteNow(ref, pick.get().id())) {
                publish(st, backend.instances(ref));
                LOG.debug(
                        "{}: {} promoted at once for a waiting request",
                        ref,
                        pick.get().id());
            }
        } finally {
            st.deciding.unlock();
        }
    }

    /** Whether {@code ref} is deployed. */
    public boolean knows(FunctionRef ref) {
        return functions.containsKey(ref);
    }

    public List<LoopStatus> status() {
        return functions.values().stream().map(FunctionState::status).toList();
    }

    public Optional<LoopStatus> status(FunctionRef ref) {
        return Optional.ofNullable(functions.get(ref)).map(FunctionState::status);
    }

    public List<Sample> history(FunctionRef ref) {
        FunctionState st = functions.get(ref);
        return st == null ? List.of() : st.history.snapshot();
    }

    /** The last stats reading of each of the function's instances, by id. */
    public Map<String, StatsReport> instanceStats(FunctionRef ref) {
        FunctionState st = functions.get(ref);
        return st == null ? Map.of() : st.stats;
    }

    /**
     * One round: reads every function's instances' stats (and the lag of the functions due to decide), then, on
     * the loop thread, records, decides where due and samples the history.
     *
     * @return completes when the round is over
     */
    public CompletableFuture<Void> tick() {
        return onLoop(this::startRound)
                .thenCompose(rounds -> CompletableFuture.allOf(rounds.stream()
                                .map(r -> r.done(settings.roundTimeout()))
                                .toArray(CompletableFuture[]::new))
                        .thenCompose(v -> onLoop(() -> {
                            finishRounds(rounds);
                            return null;
                        })));
    }

    private List<Round> startRound() {
        Instant now = clock.instant();
        List<Round> rounds = new ArrayList<>();
        for (FunctionState st : functions.values()) {
            List<InstanceView> instances = backend.instances(st.function.ref());
            rounds.add(Round.start(st, instances, !now.isBefore(st.nextDecide), stats, lag));
        }
        return rounds;
    }

    private void finishRounds(List<Round> rounds) {
        Instant now = clock.instant();
        for (Round r : rounds) {
            FunctionState st = r.function;
            if (functions.get(st.function.ref()) == st) {
                safely(st.function.ref(), () -> finish(st, r, now));
            }
        }
    }

    private void finish(FunctionState st, Round r, Instant now) {
        FunctionRef ref = st.function.ref();
        Map<String, StatsReport> readings = r.stats();
        st.stats = Map.copyOf(readings);
        backend.observed(ref, st.stats);
        double concurrency = 0;
        double rps = 0;
        for (InstanceView i : r.instances) {
            StatsReport s = readings.get(i.id());
            if (s != null && i.role() == Role.ACTIVE) {
                concurrency += s.averageConcurrency();
                rps += s.requestsPerSecond();
            }
        }
        int held = queued.queued(ref);
        concurrency += held;
        st.queued = held;
        st.concurrency = concurrency;
        st.rps = rps;
        st.scaler.record(now, concurrency, rps);
        if (r.decides) {
            decide(st, now, r.offsets(), false);
            st.nextDecide = now.plus(st.function.scaling().scale().tickInterval());
        }
        st.history.add(st.status().sample(now.toEpochMilli()));
    }

    /** An instance changed on its own: the routing follows at once, and the scaler looks again. */
    private void changed(FunctionRef ref) {
        FunctionState st = functions.get(ref);
        if (st != null) {
            decide(st, clock.instant(), null, false);
        }
    }

    private void decide(FunctionState st, Instant now, List<PartitionOffsets> offsets, boolean poke) {
        st.deciding.lock();
        try {
            decideLocked(st, now, offsets, poke);
        } finally {
            st.deciding.unlock();
        }
    }

    private void decideLocked(FunctionState st, Instant now, List<PartitionOffsets> offsets, boolean poke) {
        LoopFunction f = st.function;
        List<InstanceView> instances = backend.instances(f.ref());
        Map<String, StatsReport> readings = st.stats;
        List<Instance> core = new ArrayList<>();
        for (InstanceView i : instances) {
            if (i.scaled()) {
                StatsReport s = readings.get(i.id());
                core.add(new Instance(i.id(), i.role(), i.ready(), s == null ? 0 : s.load(), i.startedAt()));
            }
        }
        Observation observed = new Observation(core, offsets);
        Decision d = poke ? st.scaler.poke(now, observed) : st.scaler.decide(now, observed);
        st.lastDecision = d;
        if (d.lag() != null) {
            st.lag = d.lag().totals().forScaling();
        } else if (f.kafka().isEmpty()) {
            st.lag = -1;
        }
        backend.apply(f, d);
        instances = backend.instances(f.ref());
        st.starting = (int) instances.stream()
                .filter(i -> i.current() && i.state() == InstanceView.State.STARTING)
                .count();
        publish(st, instances);
        decisionListeners.forEach(l -> l.accept(f.ref(), d));
        if (!d.actions().isEmpty()) {
            LOG.info(
                    "{}: desired {} (ready {}, warm {}, {}{}): {} — {}",
                    f.ref(),
                    d.desired(),
                    d.ready(),
                    d.warm(),
                    d.mode().key(),
                    d.panicking() ? ", panic" : "",
                    d.actions().stream().map(PoolAction::describe).toList(),
                    String.join("; ", d.reasons()));
        }
    }

    private void publish(FunctionState st, List<InstanceView> instances) {
        List<Endpoint> ready = instances.stream()
                .filter(InstanceView::routable)
                .map(i -> new Endpoint(i.id(), i.host(), i.port(), i.readyAt()))
                .toList();
        routes.publish(st.function.ref(), new Routing(ready, st.function.containerConcurrency()));
    }

    private void safely(FunctionRef ref, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("{}: loop step failed", ref, e);
        }
    }

    private <T> CompletableFuture<T> onLoop(Callable<T> work) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                executor);
    }

    /** Stops the backend's instances and the lag reader; the executor belongs to the caller. */
    @Override
    public void close() {
        backend.close();
        lag.close();
    }
}
