package dev.quiver.local.backend.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstancePidsTest {
    @TempDir
    Path data;

    private Process sleeper;

    @AfterEach
    void tearDown() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void anInstanceLeftRunningIsStoppedAndItsRecordRemoved() throws Exception {
        sleeper = new ProcessBuilder("sleep", "120").start();
        InstancePids.inDataDir(data).record("hello-1", sleeper.pid());

        var reaped = InstancePids.inDataDir(data).reap(Duration.ofSeconds(5));

        assertThat(reaped).containsExactly(sleeper.pid());
        assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(data.resolve("instances/hello-1.pid")).doesNotExist();
    }

    @Test
    void aPidNowUsedByAnotherProcessIsLeftAlone() throws Exception {
        sleeper = new ProcessBuilder("sleep", "120").start();
        long start = InstancePids.startTime(sleeper.pid()).orElseThrow();
        Files.createDirectories(data.resolve("instances"));
        Files.writeString(data.resolve("instances/hello-1.pid"), sleeper.pid() + " " + (start - 1) + "\n");

        assertThat(InstancePids.inDataDir(data).reap(Duration.ofSeconds(1))).isEmpty();
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void aForgottenInstanceIsNotReaped() throws Exception {
        sleeper = new ProcessBuilder("sleep", "120").start();
        var pids = InstancePids.inDataDir(data);
        pids.record("hello-1", sleeper.pid());

        pids.forget("hello-1");

        assertThat(pids.reap(Duration.ofSeconds(1))).isEmpty();
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void nothingRecordedReapsNothing() {
        assertThat(InstancePids.inDataDir(data).reap(Duration.ofSeconds(1))).isEmpty();
    }
}
