package dev.quiver.local.loop;

import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.local.PlatformBeans;
import dev.quiver.local.backend.InstanceRunner;
import dev.quiver.local.backend.LocalBackend;
import dev.quiver.local.config.PlatformSettings;
import dev.quiver.local.launch.Archive;
import dev.quiver.local.metrics.PlatformMeters;
import dev.quiver.local.registry.FunctionReader;
import dev.quiver.local.registry.FunctionRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A control loop over a given runner and lag reader, wired as the platform wires it, with test settings. */
final class Loops {
    private Loops() {}

    static PlatformSettings settings(Path home) {
        return new PlatformSettings(
                home,
                home.resolve("data"),
                Optional.empty(),
                new PlatformSettings.ActivatorSettings(
                        0, "127.0.0.1", "quiver.localhost", 100, Duration.ofSeconds(5), 65536, 1, 1),
                new PlatformSettings.InstanceSettings(
                        "64m",
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(20),
                        Optional.empty(),
                        Archive.AUTO,
                        List.of()),
                Duration.ofMillis(200),
                60,
                Optional.empty(),
                Optional.empty(),
                new PlatformSettings.SecuritySettings(
                        "127.0.0.1", Optional.empty(), home.resolve("data/control-token"), List.of(home)),
                Duration.ofSeconds(10));
    }

    static ControlLoop create(
            Path home,
            InstanceRunner runner,
            LagReader lag,
            PublishedEndpoints endpoints,
            ColdStartRecorder coldStarts) {
        return create(home, runner, lag, endpoints, coldStarts, LocalBackend.ActivatorInFlight.NONE);
    }

    static ControlLoop create(
            Path home,
            InstanceRunner runner,
            LagReader lag,
            PublishedEndpoints endpoints,
            ColdStartRecorder coldStarts,
            LocalBackend.ActivatorInFlight inFlight) {
        return PlatformBeans.create(
                settings(home),
                new FunctionRegistry(new FunctionReader(home)),
                QueuedRequests.NONE,
                inFlight,
                endpoints,
                runner,
                lag,
                Clock.systemUTC(),
                new PlatformMeters(new SimpleMeterRegistry()),
                coldStarts);
    }

    static ControlLoop start(Path home, InstanceRunner runner, LagReader lag) {
        ControlLoop loop = create(
                home, runner, lag, new PublishedEndpoints(), new ColdStartRecorder(ColdStartRecorder.Listener.NONE));
        loop.start();
        return loop;
    }
}
