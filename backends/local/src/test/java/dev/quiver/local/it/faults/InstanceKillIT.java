package dev.quiver.local.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.local.it.Api;
import dev.quiver.local.it.PlatformProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fault suite, local platform: an instance SIGKILLed while requests are in flight through the activator. Those it held
 * fail with a 502 the client can retry (none hangs, none is answered 200 without being served); the activator sends
 * the rest to the other instance, and the function answers 200 again without anyone acting.
 */
class InstanceKillIT {

    private final PlatformProcess platform = PlatformProcess.get();
    private final Api api = new Api(platform);

    @Test
    void anInstanceKilledWithRequestsInFlightFailsOnlyWithRetryable502s() {
        api.deployHello("inflight", "minScale: 2\ninitialScale: 2\n");
        await().atMost(Duration.ofSeconds(180))
                .untilAsserted(() ->
                        assertThat(api.status("inflight").path("ready").asInt()).isEqualTo(2));
        long victim =
                api.status("inflight").path("instances").get(0).path("pid").asLong();

        Map<Integer, Long> after;
        try (Requests load = new Requests(() -> api, "inflight", 6)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.before().size() >= 100);
            load.mark();
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(120)).until(() -> load.servingAgain(50));
            assertThat(load.before()).as("before the kill").containsOnly(200);
            after = load.afterByStatus();
        }
        System.out.println("instance-kill-9 with requests in flight: statuses after the kill " + after);
        assertThat(after.keySet())
                .as("every request answered: served (200) or failed retryably (502 instance_failed)")
                .isSubsetOf(200, 502);
        api.delete("inflight");
    }
}
