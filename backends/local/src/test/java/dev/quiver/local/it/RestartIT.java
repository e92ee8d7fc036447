package dev.quiver.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Functions deployed through the control API outlive a platform restart; a delete does too. */
class RestartIT {
    @Test
    void aDeployedFunctionIsBackAfterARestartAndADeletedOneStaysGone() {
        PlatformProcess first = PlatformProcess.startPrivate();
        PlatformProcess second = null;
        PlatformProcess third = null;
        try {
            Api api = new Api(first);
            assertThat(api.deployHello("kept", "minScale: 0\n").statusCode()).isEqualTo(201);
            assertThat(api.deployHello("dropped", "minScale: 0\n").statusCode()).isEqualTo(201);
            first.halt(true);

            second = PlatformProcess.startOn(first.dataDir);
            Api again = new Api(second);
            assertThat(again.status("kept").path("name").asText()).isEqualTo("kept");
            assertThat(again.status("dropped").path("name").asText()).isEqualTo("dropped");
            assertThat(again.delete("dropped").statusCode()).isEqualTo(204);
            second.halt(false);

            third = PlatformProcess.startOn(first.dataDir);
            Api last = new Api(third);
            assertThat(last.status("kept").path("name").asText()).isEqualTo("kept");
            assertThat(last.status("dropped").path("status").asInt()).isEqualTo(404);
        } finally {
            first.halt(true);
            if (second != null) {
                second.halt(true);
            }
            if (third != null) {
                third.stop();
            }
        }
    }

    @Test
    void aPlatformStartReapsTheInstancesOfAPlatformKilledWithSigkill() {
        PlatformProcess first = PlatformProcess.startPrivate();
        PlatformProcess second = null;
        try {
            Api api = new Api(first);
            api.deployHello("orphan", "minScale: 1\ninitialScale: 1\n");
            await().atMost(Duration.ofSeconds(120))
                    .untilAsserted(
                            () -> assertThat(api.status("orphan").path("ready").asInt())
                                    .isEqualTo(1));
            long pid = api.status("orphan").path("instances").get(0).path("pid").asLong();
            ProcessHandle old = ProcessHandle.of(pid).orElseThrow();

            first.halt(true);
            assertThat(old.isAlive())
                    .as("the instance outlives a SIGKILLed platform")
                    .isTrue();

            second = PlatformProcess.startOn(first.dataDir);
            await().atMost(Duration.ofSeconds(30)).until(() -> !old.isAlive());
            assertThat(second.log()).contains("left running by a previous platform");
        } finally {
            first.halt(true);
            if (second != null) {
                second.stop();
            }
        }
    }
}
