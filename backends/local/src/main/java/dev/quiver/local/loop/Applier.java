package dev.quiver.local.loop;

import dev.quiver.local.backend.InstanceBackend;
import dev.quiver.local.backend.InstanceHandle;
import dev.quiver.local.backend.Purpose;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.local.warmpool.ManagedInstance;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.warmpool.PoolAction;
import dev.quiver.scaler.warmpool.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Applies the scaler's instance actions through the instance backend, on the control loop thread: promotion and
 * return-to-pool flip the role (milliseconds), starts go to the backend, stops drain first (out of the load
 * balancer, wait for the activator's in-flight requests, then SIGTERM so the runtime drains the rest).
 */
final class Applier {
    private static final Logger LOG = Logger.getLogger(Applier.class);

    private final InstanceBackend backend;
    private final ScheduledExecutorService loop;
    private final Clock clock;
    private final Duration drainTimeout;
    private final BiConsumer<FunctionRuntime, ManagedInstance> onCrash;
    private final ColdStartRecorder coldStarts;

    Applier(InstanceBackend backend, ScheduledExecutorService loop, Clock clock, Duration drainTimeout,
            BiConsumer<FunctionRuntime, ManagedInstance> onCrash, ColdStartRecorder coldStarts) {
        this.backend = backend;
        this.coldStarts = coldStarts;
        this.loop = loop;
        this.clock = clock;
        this.drainTimeout = drainTimeout;
        this.onCrash = onCrash;
    }

    void apply(FunctionRuntime rt, Decision d) {
        Instant now = d.at();
        for (PoolAction a : d.actions()) {
            if (a instanceof PoolAction.Promote p) {
                ManagedInstance i = rt.instances.get(p.id());
                if (i != null) {
                    i.role(Role.ACTIVE);
                    rt.promotions.incrementAndGet();
                }
            } else if (a instanceof PoolAction.StartActive s) {
                start(rt, s.count(), Role.ACTIVE, now);
            } else if (a instanceof PoolAction.StartWarm s) {
                start(rt, s.count(), Role.POOL, now);
            } else if (a instanceof PoolAction.ReturnToPool r) {
                ManagedInstance i = rt.instances.get(r.id());
                if (i != null) {
                    i.role(Role.POOL);
                }
            } else if (a instanceof PoolAction.Stop s) {
                ManagedInstance i = rt.instances.get(s.id());
                if (i != null) {
                    stop(rt, i);
                }
            }
        }
        publish(rt);
        if (!d.actions().isEmpty()) {
            LOG.infof("%s: desired %d (ready %d, warm %d, %s%s): %s — %s", rt.name(), d.desired(), d.ready(),
                    d.warm(), d.mode().key(), d.panicking() ? ", panic" : "",
                    d.actions().stream().map(PoolAction::describe).toList(), String.join("; ", d.reasons()));
        }
    }

    /** Publishes the load-balancing set to the activator. */
    void publish(FunctionRuntime rt) {
        rt.gate.update(rt.instances.routable(), rt.definition.containerConcurrency());
    }

    void start(FunctionRuntime rt, int count, Role role, Instant now) {
        if (now.isBefore(rt.startBlockedUntil)) {
            LOG.debugf("%s: start of %d held back after %d failed starts", rt.name(), count, rt.consecutiveFailures);
            return;
        }
        for (int n = 0; n < count; n++) {
            String id = rt.nextId();
            InstanceHandle h;
            try {
                h = backend.start(rt.definition, id, role == Role.ACTIVE ? Purpose.ON_DEMAND : Purpose.WARM_POOL);
            } catch (RuntimeException e) {
                rt.lastCrash = "cannot start " + id + ": " + e.getMessage();
                rt.failed(now);
                LOG.warn(rt.lastCrash);
                return;
            }
            (role == Role.ACTIVE ? rt.coldStarts : rt.warmStarts).incrementAndGet();
            rt.launch = h.launch();
            ManagedInstance mi = new ManagedInstance(h, role, now, rt.generation);
            rt.instances.add(mi);
            h.ready().whenComplete((v, e) -> loop.execute(() -> onReady(rt, mi, e)));
            h.exited().thenAccept(code -> loop.execute(() -> onExit(rt, mi, code)));
        }
    }

    private void onReady(FunctionRuntime rt, ManagedInstance mi, Throwable failure) {
        if (failure != null || rt.instances.get(mi.id()) != mi) {
            return;
        }
        Instant now = clock.instant();
        mi.ready(now);
        mi.endpoint().readyAt(System.nanoTime());
        InstanceHandle h = mi.handle();
        long startup = h.spawnedNanos() >= 0 && h.readyNanos() >= 0 ? h.readyNanos() - h.spawnedNanos()
                : Duration.between(mi.startedAt(), now).toNanos();
        mi.startupNanos(startup);
        rt.launch = h.launch();
        if (mi.state() != ManagedInstance.State.DRAINING) {
            coldStarts.startup(rt.name(), h.launch().mode(), mi.startRole(), "platform", startup);
        }
        rt.consecutiveFailures = 0;
        publish(rt);
        LOG.infof("%s: %s ready in %d ms (%s, %s, port %d)", rt.name(), mi.id(), startup / 1_000_000,
                mi.role() == Role.POOL ? "warm pool" : "active", h.launch().mode(), h.port());
    }

    private void onExit(FunctionRuntime rt, ManagedInstance mi, int code) {
        if (rt.instances.remove(mi.id()) == null) {
            return;
        }
        publish(rt);
        if (mi.handle().stopping()) {
            LOG.debugf("%s: %s stopped (exit %d)", rt.name(), mi.id(), code);
            return;
        }
        rt.crashes.incrementAndGet();
        rt.lastCrash = mi.id() + " exited with code " + code + (mi.readyAt() == null ? " before it was ready" : "")
                + "; log: " + mi.handle().log();
        if (mi.readyAt() == null) {
            rt.failed(clock.instant());
        }
        LOG.warnf("%s: instance crashed: %s; restarting", rt.name(), rt.lastCrash);
        onCrash.accept(rt, mi);
    }

    /** Out of the load balancer now; SIGTERM once the activator has no request in flight to it. */
    void stop(FunctionRuntime rt, ManagedInstance mi) {
        if (mi.state() == ManagedInstance.State.DRAINING) {
            return;
        }
        mi.state(ManagedInstance.State.DRAINING);
        publish(rt);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        awaitIdle(mi, deadline);
    }

    private void awaitIdle(ManagedInstance mi, long deadline) {
        if (mi.endpoint().inFlight() == 0 || System.nanoTime() > deadline) {
            mi.handle().stop(drainTimeout);
            return;
        }
        loop.schedule(() -> awaitIdle(mi, deadline), 20, TimeUnit.MILLISECONDS);
    }
}
