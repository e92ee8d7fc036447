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
 * The fault suite's short scenarios (bench/faults.sh runs them longer, with a 2-minute broker outage): every event
 * the broker acknowledged reaches the subscriber at least once, whatever broke meanwhile.
 */
class BrokerFaultsIT {

    static Rig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = Rig.start(
                Path.of("target", "faults-it-" + System.currentTimeMillis()).toAbsolutePath(), Rig.defaultBrokerJar());
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                Scenario.brokerKill(),
                Scenario.kafkaKill(),
                Scenario.brokerDown(Duration.ofSeconds(10)),
                Scenario.subscriberHang(Duration.ofSeconds(8)),
                Scenario.kafkaTimeouts(Duration.ofSeconds(10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyAcknowledgedEventIsDeliveredAtLeastOnce(Scenario scenario) throws Exception {
        Tally t = FaultRun.run(rig, scenario, 300, 50, Duration.ofMinutes(3));

        System.out.println(Tally.header() + "\n" + t.line());
        assertThat(t.accepted()).as("events acknowledged around the fault").isPositive();
        assertThat(t.lost()).as(t.line()).isZero();
        assertThat(t.recover()).as("events accepted after the fault arrive").isNotNull();
    }
}
