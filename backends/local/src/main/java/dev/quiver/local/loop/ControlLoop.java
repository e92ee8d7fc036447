package dev.quiver.local.loop;

import dev.quiver.local.activator.FunctionGate;
import dev.quiver.local.activator.Gates;
import dev.quiver.local.backend.InstanceBackend;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.local.config.PlatformSettings;
import dev.quiver.local.metrics.LagReader;
import dev.quiver.local.metrics.PlatformMeters;
import dev.quiver.local.metrics.StatsScraper;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionRegistry;
import dev.quiver.local.warmpool.ManagedInstance;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.FunctionScaler;
import dev.quiver.scaler.warmpool.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The control loop: one thread owns every function's scaler and instances. Every scrape interval it reads each
 * ready instance's stats, records the function's concurrency (instances plus requests buffered in the activator,
 * which have not reached an instance, so nothing is counted twice) and, every tick interval of the function, reads
 * its Kafka lag, asks scaler-core's {@link FunctionScaler} to decide, and applies the decision. Deploys, deletes,
 * activator pokes and instance events are run on the same thread.
 */
public final class ControlLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ControlLoop.class);

    private final PlatformSettings settings;
    private final FunctionRegistry registry;
    private final Gates gates;
    private final InstanceBackend backend;
    private final LagReader lag;
    private final Clock clock;
    private final PlatformMeters meters;
    private final StatsScraper scraper;
    private final ColdStartRecorder coldStarts;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiver-loop");
        t.setDaemon(true);
        return t;
    });
    private final Applier applier;
    private final Map<String, FunctionRuntime> functions = new ConcurrentSkipListMap<>();

    public ControlLoop(PlatformSettings settings, FunctionRegistry registry, Gates gates, InstanceBackend backend,
                       LagReader lag, Clock clock, PlatformMeters meters, ColdStartRecorder coldStarts) {
        this.settings = settings;
        this.coldStarts = coldStarts;
        this.registry = registry;
        this.gates = gates;
        this.backend = backend;
        this.lag = lag;
        this.clock = clock;
        this.meters = meters;
        this.scraper = new StatsScraper(settings.scrapeInterval().multipliedBy(8).dividedBy(10));
        this.applier = new Applier(backend, loop, clock, settings.instances().drainTimeout(),
                (rt, mi) -> decide(rt, clock.instant(), null, false), coldStarts);
    }

    public void start() {
        long ms = settings.scrapeInterval().toMillis();
        loop.scheduleAtFixedRate(this::tickSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Deploys or updates; returns whether it was created. */
    public boolean deploy(FunctionDefinition f) {
        return onLoop(() -> {
            Instant now = clock.instant();
            FunctionRuntime rt = functions.get(f.name());
            registry.put(f);
            if (rt == null) {
                FunctionGate gate = new FunctionGate(f.name(), settings.activator().queueSize(),
                        f.containerConcurrency());
                rt = new FunctionRuntime(f, new FunctionScaler(f.scaling(), now), gate,
                        new History(settings.historySeconds()), now);
                FunctionRuntime created = rt;
                gate.onPoke(() -> poke(created));
                functions.put(f.name(), rt);
                gates.put(gate);
                meters.register(f.name(), new StatusView(rt, coldStarts));
                LOG.infof("%s: deployed (%s)", f.name(), f.artifact());
                decide(rt, now, null, false);
                return true;
            }
            update(rt, f, now);
            return false;
        });
    }

    private void update(FunctionRuntime rt, FunctionDefinition f, Instant now) {
        FunctionDefinition old = rt.definition;
        rt.definition = f;
        if (!f.scaling().equals(old.scaling())) {
            rt.scaler = new FunctionScaler(f.scaling(), now);
        }
        if (f.needsRollFrom(old)) {
            rt.generation++;
            for (ManagedInstance i : rt.instances.all()) {
                if (i.role() == Role.POOL) {
                    applier.stop(rt, i);
                }
            }
            LOG.infof("%s: updated, rolling instances to generation %d", f.name(), rt.generation);
        } else {
            LOG.infof("%s: updated (scaling settings)", f.name());
        }
        applier.publish(rt);
        decide(rt, now, null, false);
    }

    public boolean delete(String name) {
        return onLoop(() -> {
            FunctionRuntime rt = functions.remove(name);
            registry.remove(name);
            if (rt == null) {
                return false;
            }
            gates.remove(name);
            meters.unregister(name);
            coldStarts.remove(name);
            rt.instances.all().forEach(i -> applier.stop(rt, i));
            LOG.infof("%s: deleted; stopping %d instance(s)", name, rt.instances.all().size());
            return true;
        });
    }

    public Collection<StatusView> status() {
        return functions.values().stream().map(rt -> new StatusView(rt, coldStarts)).toList();
    }

    public Optional<StatusView> status(String name) {
        return Optional.ofNullable(functions.get(name)).map(rt -> new StatusView(rt, coldStarts));
    }

    private void poke(FunctionRuntime rt) {
        loop.execute(() -> {
            rt.gate.pokeHandled();
            if (functions.get(rt.name()) != rt || !rt.gate.noneReady()) {
                return;
            }
            decide(rt, clock.instant(), null, true);
        });
    }

    private void decide(FunctionRuntime rt, Instant now, List<dev.quiver.scaler.lag.PartitionOffsets> offsets,
                        boolean poke) {
        if (functions.get(rt.name()) != rt) {
            return;
        }
        var observed = rt.instances.observe(rt.generation, offsets);
        Decision d = poke ? rt.scaler.poke(now, observed) : rt.scaler.decide(now, observed);
        rt.lastDecision = d;
        applier.apply(rt, d);
        finishRoll(rt);
    }

    /** Older-generation instances serve until one new instance is ready (or the function is at zero). */
    private void finishRoll(FunctionRuntime rt) {
        boolean old = rt.instances.unordered().stream().anyMatch(i -> i.generation() < rt.generation
                && i.state() != ManagedInstance.State.DRAINING);
        if (!old) {
            return;
        }
        boolean replaced = rt.instances.count(Role.ACTIVE, true, rt.generation) > 0
                || (rt.lastDecision != null && rt.lastDecision.desired() == 0);
        if (replaced) {
            rt.instances.all().stream().filter(i -> i.generation() < rt.generation).forEach(i -> applier.stop(rt, i));
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("control loop tick failed", e);
        }
    }

    /** Starts a scrape round; the loop thread stays free for pokes until the answers are in. */
    private void tick() {
        Scrape scrape = Scrape.start(functions.values(), scraper);
        scrape.done(settings.scrapeInterval().toMillis() * 8 / 10)
                .whenComplete((v, e) -> loop.execute(() -> afterScrape(scrape)));
    }

    private void afterScrape(Scrape scrape) {
        try {
            observeAndDecide(scrape);
        } catch (RuntimeException e) {
            LOG.error("control loop tick failed", e);
        }
    }

    private void observeAndDecide(Scrape scrape) {
        Instant now = clock.instant();
        for (FunctionRuntime rt : functions.values()) {
            scrape.record(rt, now, coldStarts);
            if (!now.isBefore(rt.nextDecide)) {
                List<dev.quiver.scaler.lag.PartitionOffsets> offsets = null;
                var kafka = rt.definition.kafka();
                if (kafka.isPresent()) {
                    offsets = lag.read(kafka.get().topic(), kafka.get().group());
                    rt.lag = offsets == null ? -1 : offsets.stream().mapToLong(o -> o.hasCommit()
                            ? Math.max(0, o.end() - o.committed()) : o.end()).sum();
                }
                decide(rt, now, offsets, false);
                rt.nextDecide = now.plus(rt.tickInterval());
            }
            finishRoll(rt);
            rt.history.add(new StatusView(rt, coldStarts).sample(now));
        }
    }

    private <T> T onLoop(Callable<T> work) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return work.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, loop).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the control loop did not answer in 30 s", e);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        backend.stopAll();
        lag.close();
    }
}
