package dev.quiver.local.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.api.control.ComponentStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child process that crashes is started again, with backoff, and stopped on close. */
class SupervisorIT {
    @TempDir
    Path dir;

    private Component child(String name, long crashAfterMillis) {
        String java = PlatformComponents.currentJava();
        return new Component(
                name,
                List.of(
                        java,
                        "-Xmx32m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingChild.class.getName(),
                        Long.toString(crashAfterMillis)),
                dir.resolve(name + ".log"),
                new Readiness.LogLine("ready"));
    }

    @Test
    void aCrashedChildIsStartedAgain() throws Exception {
        RestartPolicy policy =
                new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 0, Duration.ofMinutes(1));
        try (Supervisor s = new Supervisor(
                List.of(child("crasher", 1500)),
                policy,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Clock.systemUTC())) {
            s.start();
            long firstPid = s.status().get(0).pid();
            assertThat(s.status().get(0).state()).isEqualTo("ready");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> s.status().get(0).restarts() >= 2
                            && s.status().get(0).ready());

            ComponentStatus st = s.status().get(0);
            assertThat(st.pid()).isPositive().isNotEqualTo(firstPid);
            assertThat(st.lastExit()).startsWith("exit 3 after ");
            assertThat(Files.readString(dir.resolve("crasher.log"))).contains("(restart 2)");
        }
    }

    @Test
    void closeStopsTheChildrenAndGivingUpLeavesItFailed() throws Exception {
        RestartPolicy once =
                new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(100), 1, Duration.ofMinutes(1));
        Supervisor s = new Supervisor(
                List.of(child("long", 600_000), child("short", 300)),
                once,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Clock.systemUTC());
        s.start();
        long longPid = s.status().get(0).pid();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> s.status().get(1).state().equals("failed"));
        assertThat(s.status().get(1).restarts()).isEqualTo(1);
        s.close();

        assertThat(ProcessHandle.of(longPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(s.status()).extracting(ComponentStatus::state).containsExactly("stopped", "stopped");
    }
}
