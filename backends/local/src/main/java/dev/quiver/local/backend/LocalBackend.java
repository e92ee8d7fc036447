package dev.quiver.local.backend;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.loop.InstanceBackend;
import dev.quiver.control.loop.InstanceView;
import dev.quiver.control.loop.LoopFunction;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.warmpool.ManagedInstance;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.warmpool.PoolAction;
import dev.quiver.scaler.warmpool.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The loop's {@link InstanceBackend} on one machine: instances are processes started by an {@link InstanceRunner}.
 * Promotion and return-to-pool flip the role (milliseconds); starts go to the runner (held back after failed
 * starts); stops drain first (out of the load balancer, wait for the activator's in-flight requests, then SIGTERM
 * so the runtime drains the rest). A roll moves to a new generation: older instances serve until one new instance is
 * ready (or the function is at zero). Runs on the loop's thread; process events hop onto it.
 */
public final class LocalBackend implements InstanceBackend {
    private static final Logger LOG = Logger.getLogger(LocalBackend.class);

    /** Requests the activator has in flight to an instance (a stop waits for none). */
    public interface ActivatorInFlight {
        ActivatorInFlight NONE = (function, instance) -> 0;

        int inFlight(String function, String instance);
    }

    /**
     * Who listens on each function's direct address (the activator or the instances); told after every change of a
     * function's instances, and before an instance stops (completing once it no longer accepts there).
     */
    public interface DirectServing {
        DirectServing NONE = function -> java.util.concurrent.CompletableFuture.completedFuture(null);

        /** @param function the function's name (not a revision's) */
        java.util.concurrent.CompletableFuture<Void> reconcile(String function);
    }

    /** How the decision -> exec part of a start is named in the cold-start record (the spawn path's own work). */
    public static final String SPAWN = "decision-exec";
    /** The longest a pool refill waits for a promoted instance's first answer. */
    public static final Duration REFILL_HOLD = Duration.ofSeconds(1);

    private final InstanceRunner runner;
    private final ScheduledExecutorService loop;
    private final Clock clock;
    private final Duration drainTimeout;
    private final ColdStartRecorder coldStarts;
    private final ActivatorInFlight activator;
    private final Map<String, LocalFunction> functions = new ConcurrentHashMap<>();
    private final List<Consumer<FunctionRef>> listeners = new CopyOnWriteArrayList<>();
    private volatile DirectServing direct = DirectServing.NONE;

    /** @param loop the loop's thread: process events are handled on it */
    public LocalBackend(
            InstanceRunner runner,
            ScheduledExecutorService loop,
            Clock clock,
            Duration drainTimeout,
            ColdStartRecorder coldStarts,
            ActivatorInFlight activator) {
        this.runner = runner;
        this.loop = loop;
        this.clock = clock;
        this.drainTimeout = drainTimeout;
        this.coldStarts = coldStarts;
        this.activator = activator;
    }

    /** Sets who serves functions' direct addresses (none by default). */
    public void direct(DirectServing direct) {
        this.direct = direct;
    }

    /** Sets the definition instances are started from; call before handing the function to the loop. */
    public void define(FunctionDefinition f) {
        functions.compute(f.name(), (n, lf) -> {
            if (lf == null) {
                return new LocalFunction(f);
            }
            lf.definition = f;
            return lf;
        });
        direct.reconcile(f.scaling().name());
    }

    public Optional<LocalFunction> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    @Override
    public List<InstanceView> instances(FunctionRef function) {
        LocalFunction lf = functions.get(function.name());
        return lf == null ? List.of() : lf.views();
    }

    @Override
    public void apply(LoopFunction function, Decision d) {
        LocalFunction lf = functions.get(function.ref().name());
        if (lf == null) {
            return;
        }
        Instant now = d.at();
        long decided = System.nanoTime();
        for (PoolAction a : d.actions()) {
            if (a instanceof PoolAction.Promote p) {
                ManagedInstance i = lf.instances.get(p.id());
                if (i != null) {
                    i.promote();
                    lf.promotions.incrementAndGet();
                }
            } else if (a instanceof PoolAction.StartActive s) {
                start(lf, s.count(), Role.ACTIVE, now, decided);
            } else if (a instanceof PoolAction.StartWarm s) {
                if (lf.heldRefill > 0 || refillHeld(lf, decided)) {
                    holdRefill(lf, s.count());
                } else {
                    start(lf, s.count(), Role.POOL, now, decided);
                }
            } else if (a instanceof PoolAction.ReturnToPool r) {
                ManagedInstance i = lf.instances.get(r.id());
                if (i != null) {
                    i.role(Role.POOL);
                }
            } else if (a instanceof PoolAction.Stop s) {
                ManagedInstance i = lf.instances.get(s.id());
                if (i != null) {
                    stop(lf, i);
                }
            }
        }
        finishRoll(lf, d.desired());
    }

    /** Flips the role only (a volatile write): safe from an activator's thread; the loop's decision follows. */
    @Override
    public boolean promoteNow(FunctionRef function, String instanceId) {
        LocalFunction lf = functions.get(function.name());
        ManagedInstance i = lf == null ? null : lf.instances.get(instanceId);
        if (i == null || i.role() != Role.POOL || i.state() != ManagedInstance.State.READY) {
            return false;
        }
        i.promote();
        lf.promotions.incrementAndGet();
        return true;
    }

    /**
     * Whether a pool refill waits: an instance promoted less than {@link #REFILL_HOLD} ago still has the activator's
     * request in flight. A new JVM's start-up takes both cores of a small machine for seconds; started at the moment
     * of a promotion it slows the very request the promotion was for, so the refill starts once that is answered.
     */
    private boolean refillHeld(LocalFunction lf, long nowNanos) {
        for (ManagedInstance i : lf.instances.unordered()) {
            long promoted = i.promotedNanos();
            if (promoted >= 0
                    && nowNanos - promoted < REFILL_HOLD.toNanos()
                    && i.role() == Role.ACTIVE
                    && activator.inFlight(lf.name(), i.id()) > 0) {
                return true;
            }
        }
        return false;
    }

    private void holdRefill(LocalFunction lf, int count) {
        boolean scheduled = lf.heldRefill > 0;
        lf.heldRefill = Math.max(lf.heldRefill, count);
        if (!scheduled) {
            LOG.debugf("%s: pool refill of %d held until the promoted instance answers", lf.name(), count);
            loop.schedule(() -> refillWhenAnswered(lf), 2, TimeUnit.MILLISECONDS);
        }
    }

    private void refillWhenAnswered(LocalFunction lf) {
        if (functions.get(lf.name()) != lf) {
            lf.heldRefill = 0;
            return;
        }
        long now = System.nanoTime();
        if (refillHeld(lf, now)) {
            loop.schedule(() -> refillWhenAnswered(lf), 2, TimeUnit.MILLISECONDS);
            return;
        }
        int n = lf.heldRefill;
        lf.heldRefill = 0;
        start(lf, n, Role.POOL, clock.instant(), now);
    }

    @Override
    public void roll(LoopFunction function) {
        LocalFunction lf = functions.get(function.ref().name());
        if (lf == null) {
            return;
        }
        lf.generation++;
        for (ManagedInstance i : lf.instances.all()) {
            if (i.role() == Role.POOL) {
                stop(lf, i);
            }
        }
        LOG.infof("%s: rolling instances to generation %d", lf.name(), lf.generation);
    }

    @Override
    public void remove(FunctionRef function) {
        LocalFunction lf = functions.remove(function.name());
        if (lf != null) {
            lf.instances.all().forEach(i -> stop(lf, i));
            LOG.infof(
                    "%s: stopping %d instance(s)", lf.name(), lf.instances.all().size());
        }
    }

    @Override
    public void onChange(Consumer<FunctionRef> listener) {
        listeners.add(listener);
    }

    @Override
    public void observed(FunctionRef function, Map<String, StatsReport> stats) {
        LocalFunction lf = functions.get(function.name());
        if (lf == null) {
            return;
        }
        direct.reconcile(lf.function());
        stats.forEach((id, s) -> {
            ManagedInstance i = lf.instances.get(id);
            if (i != null && i.stats(s)) {
                coldStarts.startup(
                        lf.function(),
                        i.handle().launch().mode(),
                        i.startRole(),
                        "instance",
                        i.reportedStartupMillis() * 1_000_000);
            }
        });
    }

    @Override
    public void close() {
        runner.stopAll();
    }

    /** Older-generation instances serve until one new instance is ready (or the function is at zero). */
    private void finishRoll(LocalFunction lf, int desired) {
        boolean old = lf.instances.unordered().stream()
                .anyMatch(i -> i.generation() < lf.generation && i.state() != ManagedInstance.State.DRAINING);
        if (old && (lf.instances.count(Role.ACTIVE, true, lf.generation) > 0 || desired == 0)) {
            lf.instances.all().stream()
                    .filter(i -> i.generation() < lf.generation)
                    .forEach(i -> stop(lf, i));
        }
    }

    /** @param decided {@link System#nanoTime()} when the decision was applied: decision -> exec is recorded */
    private void start(LocalFunction lf, int count, Role role, Instant now, long decided) {
        if (now.isBefore(lf.startBlockedUntil)) {
            LOG.debugf("%s: start of %d held back after %d failed starts", lf.name(), count, lf.consecutiveFailures);
            return;
        }
        for (int n = 0; n < count; n++) {
            String id = lf.nextId();
            InstanceHandle h;
            try {
                h = runner.start(lf.definition, id, role == Role.ACTIVE ? Purpose.ON_DEMAND : Purpose.WARM_POOL);
            } catch (RuntimeException e) {
                lf.lastCrash = "cannot start " + id + ": " + e.getMessage();
                lf.failed(now);
                LOG.warn(lf.lastCrash);
                return;
            }
            (role == Role.ACTIVE ? lf.coldStarts : lf.warmStarts).incrementAndGet();
            lf.launch = h.launch();
            ManagedInstance mi = new ManagedInstance(h, role, now, lf.generation);
            if (h.spawnedNanos() >= 0) {
                coldStarts.startup(lf.function(), h.launch().mode(), mi.startRole(), SPAWN, h.spawnedNanos() - decided);
            }
            lf.instances.add(mi);
            h.ready().whenComplete((v, e) -> loop.execute(() -> onReady(lf, mi, e)));
            h.exited().thenAccept(code -> loop.execute(() -> onExit(lf, mi, code)));
        }
    }

    private void onReady(LocalFunction lf, ManagedInstance mi, Throwable failure) {
        if (failure != null || lf.instances.get(mi.id()) != mi) {
            return;
        }
        Instant now = clock.instant();
        mi.ready(now);
        InstanceHandle h = mi.handle();
        long startup = h.spawnedNanos() >= 0 && h.readyNanos() >= 0
                ? h.readyNanos() - h.spawnedNanos()
                : Duration.between(mi.startedAt(), now).toNanos();
        mi.startupNanos(startup);
        lf.launch = h.launch();
        if (mi.state() != ManagedInstance.State.DRAINING) {
            coldStarts.startup(lf.function(), h.launch().mode(), mi.startRole(), "platform", startup);
        }
        lf.consecutiveFailures = 0;
        LOG.infof(
                "%s: %s ready in %d ms (%s, %s, port %d)",
                lf.name(),
                mi.id(),
                startup / 1_000_000,
                mi.role() == Role.POOL ? "warm pool" : "active",
                h.launch().mode(),
                h.port());
        changed(lf);
    }

    private void onExit(LocalFunction lf, ManagedInstance mi, int code) {
        if (lf.instances.remove(mi.id()) == null) {
            return;
        }
        if (mi.handle().stopping()) {
            LOG.debugf("%s: %s stopped (exit %d)", lf.name(), mi.id(), code);
            changed(lf);
            return;
        }
        lf.crashes.incrementAndGet();
        lf.lastCrash = mi.id() + " exited with code " + code + (mi.readyAt() == null ? " before it was ready" : "")
                + "; log: " + mi.handle().log();
        if (mi.readyAt() == null) {
            lf.failed(clock.instant());
        }
        LOG.warnf("%s: instance crashed: %s; restarting", lf.name(), lf.lastCrash);
        changed(lf);
    }

    private void changed(LocalFunction lf) {
        if (functions.get(lf.name()) == lf) {
            FunctionRef ref = FunctionRef.local(lf.name());
            listeners.forEach(l -> l.accept(ref));
            direct.reconcile(lf.function());
        }
    }

    /**
     * Out of the load balancer now (the loop publishes without it) and off the function's direct address (another
     * listener bound first); SIGTERM once the activator has none in flight.
     */
    private void stop(LocalFunction lf, ManagedInstance mi) {
        if (mi.state() == ManagedInstance.State.DRAINING) {
            return;
        }
        mi.state(ManagedInstance.State.DRAINING);
        changed(lf);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        direct.reconcile(lf.function())
                .whenComplete((v, e) -> loop.schedule(() -> awaitIdle(lf, mi, deadline), 20, TimeUnit.MILLISECONDS));
    }

    private void awaitIdle(LocalFunction lf, ManagedInstance mi, long deadline) {
        if (activator.inFlight(lf.name(), mi.id()) == 0 || System.nanoTime() > deadline) {
            mi.handle().stop(drainTimeout);
            return;
        }
        loop.schedule(() -> awaitIdle(lf, mi, deadline), 20, TimeUnit.MILLISECONDS);
    }
}
