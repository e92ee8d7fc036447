package dev.quiver.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault suite's upload scenarios, short: every upload the object store answered 200 has its event delivered at
 * least once, whatever broke meanwhile: an upload is acknowledged only once its event is durable (the broker's 202 or
 * the sources' fsynced outbox).
 */
class SourcesFaultsIT {

    static Rig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = Rig.start(
                Path.of("target", "faults-sources-it-" + System.currentTimeMillis())
                        .toAbsolutePath(),
                Rig.defaultBrokerJar());
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(Scenario.sourcesKill(), Scenario.brokerDownDuringUploads(Duration.ofSeconds(15)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyAcknowledgedUploadIsDeliveredAtLeastOnce(Scenario scenario) throws Exception {
        Tally t = FaultRun.run(rig, scenario, 150, 20, Duration.ofMinutes(3));

        System.out.println(Tally.header() + "\n" + t.line());
        assertThat(t.accepted()).as("uploads acknowledged around the fault").isPositive();
        assertThat(t.lost()).as(t.line()).isZero();
        assertThat(t.recover()).as("uploads accepted after the fault arrive").isNotNull();
    }
}
