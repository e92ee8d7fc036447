package dev.quiver.local.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.control.FunctionStatus;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.coldstart.ServedBy;
import dev.quiver.local.loop.StatusView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The control API returns the loop's {@link StatusView.FunctionStatus}; clients read it as the api record
 * {@link FunctionStatus}. Both must name the same fields: reading strictly (unknown fields fail) and writing back
 * gives the same JSON.
 */
class StatusContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theApiRecordReadsEveryFieldTheControlApiWrites() throws Exception {
        ColdStartRecorder recorder = new ColdStartRecorder(ColdStartRecorder.Listener.NONE);
        recorder.request("hello", ServedBy.WARM, 29_000_000, 2_000_000);
        recorder.startup("hello", "jdk17-appcds", "pool", "platform", 810_000_000);
        var served = new StatusView.FunctionStatus(
                "hello",
                "/a/quarkus-run.jar",
                1,
                1,
                0,
                1,
                "serve",
                true,
                0.5,
                2,
                -1,
                0,
                1,
                2,
                3,
                0,
                "exit 1",
                List.of("stable 0.5/35 -> 1"),
                List.of(new StatusView.InstanceStatus(
                        "hello-1",
                        "active",
                        "ready",
                        41000,
                        77,
                        1,
                        0.5,
                        12,
                        1,
                        "/l/hello-1.log",
                        "jdk17-appcds",
                        810,
                        640)),
                "jdk17-appcds",
                "why",
                recorder.snapshot("hello"),
                "warm 1/1 p50 31ms");

        String written = JSON.writeValueAsString(served);
        FunctionStatus read = JSON.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(written, FunctionStatus.class);

        assertThat(read.instances()).hasSize(1);
        assertThat(read.coldStart().warm().count()).isEqualTo(1);
        assertThat(JSON.writeValueAsString(read)).isEqualTo(written);
    }
}
