package dev.quiver.local.backend.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.local.backend.InstanceHandle;
import dev.quiver.local.backend.Purpose;
import dev.quiver.local.config.PlatformSettings.InstanceSettings;
import dev.quiver.local.launch.Archive;
import dev.quiver.local.launch.JvmCatalog;
import dev.quiver.local.launch.Launcher;
import dev.quiver.local.registry.FunctionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process that never answers HTTP (so the readiness poll cannot succeed) but pushes "ready" with the
 * variables the backend gave it: the instance is ready by the push alone.
 */
class ReadyPushIT {
    @TempDir
    Path home;

    ProcessBackend backend;

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.stopAll();
        }
    }

    @Test
    void anInstanceThatPushesIsReadyWithoutAnsweringTheReadinessProbe() throws Exception {
        Path script = home.resolve("pusher");
        Files.writeString(script, """
                #!/usr/bin/env bash
                exec 3<>"/dev/tcp/${QUIVER_READY_ADDRESS%:*}/${QUIVER_READY_ADDRESS##*:}"
                printf '%s 1\\n' "$QUIVER_READY_TOKEN" >&3
                exec 3>&-
                sleep 60
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        backend = new ProcessBackend(
                new InstanceSettings(
                        "64m",
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(20),
                        Optional.empty(),
                        Archive.AUTO,
                        List.of()),
                home,
                Map.of(),
                new Launcher(new JvmCatalog(), Optional.empty(), Archive.AUTO, JvmCatalog.current()));

        InstanceHandle instance = backend.start(
                new FunctionReader(home).read("name: pusher\nartifact: pusher\n"), "pusher-1", Purpose.WARM_POOL);

        instance.ready().get(30, TimeUnit.SECONDS);
        assertThat(instance.readyNanos()).isGreaterThan(instance.spawnedNanos());
    }

    @Test
    void aWarmPoolInstanceIsAnnouncedOnceReadySoTheActivatorCanConnectAndAnOnDemandOneIsNot() throws Exception {
        Path script = home.resolve("pusher");
        Files.writeString(script, """
                #!/usr/bin/env bash
                exec 3<>"/dev/tcp/${QUIVER_READY_ADDRESS%:*}/${QUIVER_READY_ADDRESS##*:}"
                printf '%s 1\\n' "$QUIVER_READY_TOKEN" >&3
                exec 3>&-
                sleep 60
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        backend = new ProcessBackend(
                new InstanceSettings(
                        "64m",
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(20),
                        Optional.empty(),
                        Archive.AUTO,
                        List.of()),
                home,
                Map.of(),
                new Launcher(new JvmCatalog(), Optional.empty(), Archive.AUTO, JvmCatalog.current()));
        java.util.concurrent.LinkedBlockingQueue<Integer> announced = new java.util.concurrent.LinkedBlockingQueue<>();
        backend.onPoolReady(announced::add);
        var function = new FunctionReader(home).read("name: pusher\nartifact: pusher\n");

        InstanceHandle onDemand = backend.start(function, "pusher-1", Purpose.ON_DEMAND);
        onDemand.ready().get(30, TimeUnit.SECONDS);
        InstanceHandle pool = backend.start(function, "pusher-2", Purpose.WARM_POOL);
        pool.ready().get(30, TimeUnit.SECONDS);

        assertThat(announced.poll(10, TimeUnit.SECONDS)).isEqualTo(pool.port());
        assertThat(announced).as("the on-demand instance is not announced").isEmpty();
    }
}
