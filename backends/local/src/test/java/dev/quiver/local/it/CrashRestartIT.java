package dev.quiver.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An instance killed with SIGKILL is reported and replaced; the function keeps answering. */
class CrashRestartIT {
    private final PlatformProcess platform = PlatformProcess.get();
    private final Api api = new Api(platform);

    @Test
    void aCrashedInstanceIsReportedAndReplaced() {
        api.deployHello("crashy", "minScale: 1\ninitialScale: 1\n");
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() ->
                        assertThat(api.status("crashy").path("ready").asInt()).isEqualTo(1));
        var first = api.status("crashy").path("instances").get(0);

        ProcessHandle.of(first.path("pid").asLong()).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            var s = api.status("crashy");
            assertThat(s.path("crashes").asInt()).isEqualTo(1);
            assertThat(s.path("lastCrash").asText()).startsWith(first.path("id").asText() + " exited with code");
            assertThat(s.path("ready").asInt()).isEqualTo(1);
            assertThat(s.path("instances").get(0).path("id").asText())
                    .isNotEqualTo(first.path("id").asText());
        });
        assertThat(api.hello("crashy", "again").statusCode()).isEqualTo(200);
        api.delete("crashy");
    }
}
