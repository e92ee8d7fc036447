package dev.quiver.local.loop;

import dev.quiver.local.activator.Gates;
import dev.quiver.local.backend.InstanceBackend;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.local.config.PlatformSettings;
import dev.quiver.local.launch.Archive;
import dev.quiver.local.metrics.LagReader;
import dev.quiver.local.metrics.PlatformMeters;
import dev.quiver.local.registry.FunctionReader;
import dev.quiver.local.registry.FunctionRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A control loop over a given backend and lag reader, with test settings. */
final class Loops {
    private Loops() {
    }

    static PlatformSettings settings(Path home) {
        return new PlatformSettings(home, home.resolve("data"), Optional.empty(),
                new PlatformSettings.ActivatorSettings(0, "127.0.0.1", "quiver.localhost", 100, Duration.ofSeconds(5),
                        65536, 1, 1),
                new PlatformSettings.InstanceSettings("64m", Duration.ofSeconds(10), Duration.ofSeconds(1),
                        Duration.ofMillis(20), Optional.empty(), Archive.AUTO, List.of()),
                Duration.ofMillis(200), 60, Optional.empty(), Optional.empty());
    }

    static ControlLoop start(Path home, InstanceBackend backend, LagReader lag) {
        PlatformSettings s = settings(home);
        ControlLoop loop = new ControlLoop(s, new FunctionRegistry(new FunctionReader(home)), new Gates(), backend,
                lag, Clock.systemUTC(), new PlatformMeters(new SimpleMeterRegistry()),
                new ColdStartRecorder(ColdStartRecorder.Listener.NONE));
        loop.start();
        return loop;
    }
}
