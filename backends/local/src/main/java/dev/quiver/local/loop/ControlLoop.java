package dev.quiver.local.loop;

import dev.quiver.api.traffic.TrafficEntry;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.loop.FunctionLoop;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.local.backend.LocalBackend;
import dev.quiver.local.backend.LocalFunction;
import dev.quiver.local.metrics.PlatformMeters;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionRegistry;
import dev.quiver.local.registry.InvalidFunctionException;
import dev.quiver.local.registry.revision.Revision;
import dev.quiver.local.registry.revision.RevisionStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The local backend's face of the shared {@link FunctionLoop}: deploys and deletes {@link FunctionDefinition}s as
 * revisions ({@link Revisions}: one loop function per serving revision, the activator splitting by the traffic),
 * registers meters and cold-start records, and answers status with {@link StatusView}s of each function's primary
 * revision. The scaling itself is the control plane's loop, over the {@link LocalBackend}.
 */
public final class ControlLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ControlLoop.class);

    private final FunctionLoop loop;
    private final LocalBackend backend;
    private final FunctionRegistry registry;
    private final PlatformMeters meters;
    private final ColdStartRecorder coldStarts;
    private final ScheduledExecutorService thread;
    private final Revisions revisions;
    private final Map<String, StatusView> views = new ConcurrentHashMap<>();
    private final ScheduledExecutorService rollouts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiver-rollout");
        t.setDaemon(true);
        return t;
    });

    /** @param thread the loop's thread (shut down on close) */
    public ControlLoop(
            FunctionLoop loop,
            LocalBackend backend,
            FunctionRegistry registry,
            PlatformMeters meters,
            ColdStartRecorder coldStarts,
            ScheduledExecutorService thread,
            RevisionStore store,
            PublishedEndpoints endpoints,
            Clock clock,
            int keepRevisions) {
        this.loop = loop;
        this.backend = backend;
        this.registry = registry;
        this.meters = meters;
        this.coldStarts = coldStarts;
        this.thread = thread;
        this.revisions =
                new Revisions(store, endpoints, clock, keepRevisions, this::deployRevision, this::stopRevision);
    }

    public void start() {
        loop.start();
        rollouts.scheduleWithFixedDelay(this::advanceRollouts, 1, 1, TimeUnit.SECONDS);
    }

    /** The shared loop (pokes, status as the decision saw it). */
    public FunctionLoop loop() {
        return loop;
    }

    /** The backend the loop drives (its instances). */
    public LocalBackend backend() {
        return backend;
    }

    /** The function's revisions and traffic. */
    public Revisions revisions() {
        return revisions;
    }

    /** Problems with the definition's traffic against the function's revisions (deploying it would fail). */
    public List<String> check(FunctionDefinition f) {
        return revisions.check(f);
    }

    /**
     * Deploys or updates: a change of code (by content) or configuration makes a new revision; the traffic (the
     * spec's, default 100 % latest) is applied before this returns, so every request from then on goes by it.
     *
     * @return whether it was created
     * @throws InvalidFunctionException when its traffic names revisions it does not have
     */
    public synchronized boolean deploy(FunctionDefinition f) {
        List<String> problems = revisions.check(f);
        if (!problems.isEmpty()) {
            throw new InvalidFunctionException(problems);
        }
        boolean created = registry.put(f).isEmpty();
        revisions.deploy(f);
        if (created) {
            StatusView v = view(f.name());
            meters.register(f.name(), v);
            LOG.infof("%s: deployed (%s)", f.name(), f.artifact());
        }
        return created;
    }

    /** Sets the function's traffic ({@code quiver traffic}); see {@link Revisions#setTraffic}. */
    public synchronized List<String> setTraffic(String name, List<TrafficEntry> traffic) {
        FunctionDefinition f = registry.get(name).orElseThrow();
        return revisions.setTraffic(f, traffic);
    }

    public synchronized boolean delete(String name) {
        Optional<FunctionDefinition> removed = registry.remove(name);
        for (Revision r : revisions.store().revisions(name)) {
            if (loop.knows(FunctionRef.local(r.name()))) {
                await(loop.delete(FunctionRef.local(r.name())));
            }
            coldStarts.remove(r.name());
        }
        revisions.delete(name);
        if (removed.isPresent()) {
            views.remove(name);
            meters.unregister(name);
            coldStarts.remove(name);
        }
        return removed.isPresent();
    }

    public Collection<StatusView> status() {
        return registry.all().stream()
                .map(f -> status(f.name()))
                .flatMap(Optional::stream)
                .toList();
    }

    public Optional<StatusView> status(String name) {
        return registry.get(name).isPresent() && revisions.primary(name).isPresent()
                ? Optional.of(view(name))
                : Optional.empty();
    }

    /** Where the function's instances log: its primary revision's name. */
    public String logName(String name) {
        return revisions.primary(name).orElse(name);
    }

    /** Ready instances of one revision (0 when it does not serve). */
    public int ready(String revision) {
        return loop.status(FunctionRef.local(revision)).map(s -> s.ready()).orElse(0);
    }

    private StatusView view(String name) {
        return views.computeIfAbsent(
                name,
                n -> new StatusView(
                        loop,
                        n,
                        () -> revisions.primary(n).flatMap(backend::function).orElse(null),
                        coldStarts));
    }

    private boolean deployRevision(FunctionDefinition revision) {
        backend.define(revision);
        return await(loop.deploy(LocalFunction.toLoop(revision)));
    }

    private void stopRevision(String revision) {
        if (loop.knows(FunctionRef.local(revision))) {
            await(loop.delete(FunctionRef.local(revision)));
            LOG.infof("%s: no traffic and no tag: scaled to zero", revision);
        }
    }

    private synchronized void advanceRollouts() {
        for (FunctionDefinition f : registry.all()) {
            try {
                revisions.advance(f);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: rollout step failed", f.name());
            }
        }
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the control loop did not answer in 30 s", e);
        }
    }

    @Override
    public void close() {
        rollouts.shutdownNow();
        thread.shutdownNow();
        loop.close();
    }
}
