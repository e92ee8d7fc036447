package dev.quiver.bench.faults;

import java.time.Duration;
import java.util.List;

/**
 * One fault, injected once a third of the load is published (events POSTed to the broker, or with {@code uploads}
 * objects PUT to the store, whose events the broker carries); {@link #inject} returns when the fault is over (the
 * killed process restarted, the pause ended). Written once, run by {@link FaultsMain} (bench/faults.sh) and the ITs.
 */
public record Scenario(String name, String description, boolean uploads, Fault fault) {

    /** A scenario under events published to the broker. */
    public Scenario(String name, String description, Fault fault) {
        this(name, description, false, fault);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Breaks something in the rig and repairs it the way an operator (or a supervisor) would. */
    @FunctionalInterface
    public interface Fault {
        void inject(Rig rig) throws Exception;
    }

    /** kill -9 of the broker mid-stream, restarted at once: its triggers (created through the admin API) come back. */
    public static Scenario brokerKill() {
        return new Scenario("broker-kill-9", "broker SIGKILLed mid-stream, restarted", rig -> {
            rig.broker.kill();
            rig.broker.start(Rig.START_TIMEOUT);
        });
    }

    /** The broker down for {@code outage}, then started again. */
    public static Scenario brokerDown(Duration outage) {
        return new Scenario(
                "broker-down-" + outage.toSeconds() + "s",
                "broker SIGKILLed, started again after " + outage.toSeconds() + " s",
                rig -> {
                    rig.broker.kill();
                    Waits.sleep(outage.toMillis());
                    rig.broker.start(Rig.START_TIMEOUT);
                });
    }

    /** kill -9 of Kafka, restarted on the same data. */
    public static Scenario kafkaKill() {
        return new Scenario("kafka-kill-9", "Kafka SIGKILLed mid-stream, restarted on its data", rig -> {
            rig.killKafka();
            rig.restartKafka();
        });
    }

    /** Kafka frozen (SIGSTOP) for {@code pause}: every Kafka call of the dispatchers times out meanwhile. */
    public static Scenario kafkaTimeouts(Duration pause) {
        return new Scenario(
                "dispatcher-kafka-timeouts-" + pause.toSeconds() + "s",
                "Kafka SIGSTOPped for " + pause.toSeconds() + " s (consumer calls time out after 5 s)",
                rig -> {
                    rig.pauseKafka(true);
                    try {
                        Waits.sleep(pause.toMillis());
                    } finally {
                        rig.pauseKafka(false);
                    }
                });
    }

    /** The subscriber holds every request unanswered for {@code hang}. */
    public static Scenario subscriberHang(Duration hang) {
        return new Scenario(
                "subscriber-hang-" + hang.toSeconds() + "s",
                "subscriber answers nothing for " + hang.toSeconds() + " s",
                rig -> {
                    rig.sink.hang(hang.toMillis());
                    Waits.sleep(hang.toMillis());
                });
    }

    /**
     * kill -9 of the sources process during uploads, restarted on its data: every upload answered 200 has its event
     * delivered (needs the sources' outbox: an upload acknowledged only once its event is durable).
     */
    public static Scenario sourcesKill() {
        return new Scenario("sources-kill-9", "sources SIGKILLed during uploads, restarted", true, rig -> {
            rig.sources().kill();
            rig.sources().start(Rig.START_TIMEOUT);
        });
    }

    /** The broker down for {@code outage} during uploads: the store keeps answering, its events wait for the broker. */
    public static Scenario brokerDownDuringUploads(Duration outage) {
        return new Scenario(
                "uploads-broker-down-" + outage.toSeconds() + "s",
                "broker SIGKILLed for " + outage.toSeconds() + " s during uploads",
                true,
                rig -> {
                    rig.broker.kill();
                    Waits.sleep(outage.toMillis());
                    rig.broker.start(Rig.START_TIMEOUT);
                });
    }

    /** Every scenario of this suite, {@code outage} being the long broker outage (2 minutes in bench/faults.sh). */
    public static List<Scenario> all(Duration outage) {
        return List.of(
                brokerKill(),
                kafkaKill(),
                brokerDown(outage),
                subscriberHang(Duration.ofSeconds(20)),
                kafkaTimeouts(Duration.ofSeconds(20)),
                sourcesKill(),
                brokerDownDuringUploads(outage));
    }
}
