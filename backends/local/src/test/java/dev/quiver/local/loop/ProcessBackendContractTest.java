package dev.quiver.local.loop;

import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.loop.BackendContract;
import dev.quiver.control.loop.InstanceBackend;
import dev.quiver.control.loop.LoopFunction;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.local.backend.LocalBackend;
import dev.quiver.local.backend.LocalFunction;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionReader;
import dev.quiver.local.warmpool.ManagedInstance;
import dev.quiver.scaler.warmpool.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared loop over the local backend: {@link LocalBackend} with its instance table, warm pool and drains, over
 * a runner whose instances are ready at once (real processes: ScaleFromZeroIT, GracefulScaleDownIT, CrashRestartIT).
 */
class ProcessBackendContractTest extends BackendContract {
    @TempDir
    Path home;

    final FakeBackend runner = new FakeBackend();
    LocalBackend backend;

    @Override
    protected InstanceBackend backend(ScheduledExecutorService thread) {
        return backend(thread, true);
    }

    private LocalBackend backend(ScheduledExecutorService thread, boolean create) {
        if (backend == null && create) {
            backend = new LocalBackend(
                    runner,
                    thread,
                    Clock.systemUTC(),
                    Duration.ofSeconds(1),
                    new ColdStartRecorder(ColdStartRecorder.Listener.NONE),
                    LocalBackend.ActivatorInFlight.NONE);
        }
        return backend;
    }

    @Override
    protected LoopFunction function(String name, Map<String, Object> scale) {
        try {
            Files.writeString(home.resolve(name + ".jar"), "jar");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String settings = scale.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        FunctionDefinition f = new FunctionReader(home)
                .read("name: " + name + "\nartifact: " + name + ".jar\n" + "scale: {" + settings + "}\n");
        backend(thread, true).define(f);
        return LocalFunction.toLoop(f);
    }

    @Override
    protected void makeReady(FunctionRef ref) {
        // the runner's instances are ready as soon as they start
    }

    @Override
    protected int activeWanted(FunctionRef ref) {
        return activeIds(ref).size();
    }

    @Override
    protected List<String> activeIds(FunctionRef ref) {
        return ids(ref, Role.ACTIVE);
    }

    @Override
    protected List<String> warmIds(FunctionRef ref) {
        return ids(ref, Role.POOL);
    }

    private List<String> ids(FunctionRef ref, Role role) {
        return backend.function(ref.name())
                .map(lf -> lf.instances().all().stream()
                        .filter(i -> i.role() == role && i.state() != ManagedInstance.State.DRAINING)
                        .map(ManagedInstance::id)
                        .toList())
                .orElse(List.of());
    }
}
