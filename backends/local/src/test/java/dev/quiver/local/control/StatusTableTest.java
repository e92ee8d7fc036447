package dev.quiver.local.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.control.FunctionStatus;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.coldstart.ServedBy;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {
    static final long MS = 1_000_000;
    final ColdStartRecorder recorder = new ColdStartRecorder(ColdStartRecorder.Listener.NONE);

    FunctionStatus status(String name, String launch) {
        return new FunctionStatus(
                name,
                "/a/quarkus-run.jar",
                0,
                1,
                0,
                0,
                "proxy",
                false,
                0,
                0,
                -1,
                0,
                1,
                1,
                1,
                0,
                null,
                List.of(),
                List.of(),
                launch,
                "why",
                recorder.snapshot(name),
                "",
                null);
    }

    @Test
    void theTableShowsEachFunctionsLaunchMode() {
        String text = StatusTable.render(List.of(status("hello", "jdk25-aot"), status("events", "jdk17-appcds")));

        assertThat(text.lines().findFirst().orElseThrow()).endsWith("LAUNCH");
        assertThat(text).containsPattern("hello .* jdk25-aot\n").containsPattern("events .* jdk17-appcds\n");
    }

    @Test
    void functionsWithColdStartRecordsGetALineOfRequestsAndOneOfStartUps() {
        recorder.request("hello", ServedBy.COLD, 790 * MS, 22 * MS);
        recorder.request("hello", ServedBy.WARM, 29 * MS, 2 * MS);
        recorder.startup("hello", "jdk25-aot", "active", "platform", 640 * MS);

        String text = StatusTable.render(List.of(status("hello", "jdk25-aot"), status("quiet", "jdk17")));

        assertThat(text)
                .contains("\nCold starts (requests that found no ready instance")
                .contains("hello  requests: cold 1/2 p50 812ms (wait 790 + served 22), warm 1/2 p50 31ms (wait 29"
                        + " + served 2.0)\n")
                .contains("       startup:  jdk25-aot/active p50 640ms max 640ms (n=1)\n")
                .doesNotContain("quiet  requests");
    }

    @Test
    void withoutRecordsThereIsNoColdStartSection() {
        assertThat(StatusTable.render(List.of(status("quiet", "jdk17")))).doesNotContain("Cold starts");
    }
}
