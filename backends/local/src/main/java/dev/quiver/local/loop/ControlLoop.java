package dev.quiver.local.loop;

import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.loop.FunctionLoop;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.local.backend.LocalBackend;
import dev.quiver.local.backend.LocalFunction;
import dev.quiver.local.metrics.PlatformMeters;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionRegistry;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The local backend's face of the shared {@link FunctionLoop}: deploys and deletes {@link FunctionDefinition}s
 * (registry, process backend, meters, cold-start records) and answers status with {@link StatusView}s. The scaling
 * itself is the control plane's loop, over the {@link LocalBackend}.
 */
public final class ControlLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ControlLoop.class);

    private final FunctionLoop loop;
    private final LocalBackend backend;
    private final FunctionRegistry registry;
    private final PlatformMeters meters;
    private final ColdStartRecorder coldStarts;
    private final ScheduledExecutorService thread;

    /** @param thread the loop's thread (shut down on close) */
    public ControlLoop(
            FunctionLoop loop,
            LocalBackend backend,
            FunctionRegistry registry,
            PlatformMeters meters,
            ColdStartRecorder coldStarts,
            ScheduledExecutorService thread) {
        this.loop = loop;
        this.backend = backend;
        this.registry = registry;
        this.meters = meters;
        this.coldStarts = coldStarts;
        this.thread = thread;
    }

    public void start() {
        loop.start();
    }

    /** The shared loop (pokes, status as the decision saw it). */
    public FunctionLoop loop() {
        return loop;
    }

    /** Deploys or updates; returns whether it was created. */
    public boolean deploy(FunctionDefinition f) {
        registry.put(f);
        backend.define(f);
        boolean created = await(loop.deploy(LocalFunction.toLoop(f)));
        if (created) {
            meters.register(f.name(), view(backend.function(f.name()).orElseThrow()));
            LOG.infof("%s: deployed (%s)", f.name(), f.artifact());
        }
        return created;
    }

    public boolean delete(String name) {
        registry.remove(name);
        boolean existed = await(loop.delete(FunctionRef.local(name)));
        if (existed) {
            meters.unregister(name);
            coldStarts.remove(name);
        }
        return existed;
    }

    public Collection<StatusView> status() {
        return loop.status().stream()
                .map(s -> backend.function(s.ref().name()).map(this::view))
                .flatMap(Optional::stream)
                .toList();
    }

    public Optional<StatusView> status(String name) {
        return loop.knows(FunctionRef.local(name)) ? backend.function(name).map(this::view) : Optional.empty();
    }

    private StatusView view(LocalFunction lf) {
        return new StatusView(loop, lf, coldStarts);
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
        thread.shutdownNow();
        loop.close();
    }
}
