package dev.quiver.local.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.local.it.Api;
import dev.quiver.local.it.PlatformProcess;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Fault suite, local platform: the platform SIGKILLed under request load with an instance running, then started again
 * on its data. While it is down requests get no answer (refused: the client's to retry, never a false 200); after the
 * restart the function, deployed through the API, is back without being deployed again, the dead platform's instance
 * is reaped, and requests are served again.
 */
class PlatformKillIT {

    @Test
    void aPlatformKilledUnderLoadServesItsFunctionAgainAfterARestart() {
        PlatformProcess first = PlatformProcess.startPrivate();
        AtomicReference<PlatformProcess> current = new AtomicReference<>(first);
        AtomicReference<Api> api = new AtomicReference<>(new Api(first));
        try {
            api.get().deployHello("survivor", "minScale: 1\ninitialScale: 1\n");
            await().atMost(Duration.ofSeconds(180))
                    .untilAsserted(() -> assertThat(
                                    api.get().status("survivor").path("ready").asInt())
                            .isEqualTo(1));
            ProcessHandle orphan = ProcessHandle.of(api.get()
                            .status("survivor")
                            .path("instances")
                            .get(0)
                            .path("pid")
                            .asLong())
                    .orElseThrow();

            try (Requests load = new Requests(api::get, "survivor", 4)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> load.before().size() >= 50);
                load.mark();
                first.halt(true);
                PlatformProcess second = PlatformProcess.startOn(first.dataDir);
                current.set(second);
                api.set(new Api(second));
                await().atMost(Duration.ofSeconds(60)).until(() -> !orphan.isAlive());
                await().atMost(Duration.ofSeconds(180)).until(() -> load.servingAgain(30));
                assertThat(load.before()).as("before the kill").containsOnly(200);
                System.out.println("platform-kill-9 under load: statuses after the kill " + load.afterByStatus());
                assertThat(load.afterByStatus().keySet())
                        .as("served, or not answered while the platform was down (refused), or 502/503 while it"
                                + " started its instance again")
                        .isSubsetOf(0, 200, 502, 503);
            }
            assertThat(current.get().log()).contains("left running by a previous platform");
        } finally {
            first.halt(true);
            if (current.get() != first) {
                current.get().stop();
            }
        }
    }
}
