package dev.quiver.control.activator.coldstart;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The cold-start records as Prometheus histograms: {@code quiver_coldstart_wait_seconds},
 * {@code quiver_coldstart_served_seconds} and {@code quiver_coldstart_first_byte_seconds} with
 * {@code {function, served_by="warm|cold"}}; {@code quiver_instance_startup_seconds{function, launch, role}} (spawn to
 * ready, measured by the platform) and {@code quiver_instance_reported_startup_seconds{...}} (the instance's own).
 */
public final class ColdStartMeters implements ColdStartRecorder.Listener {
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public ColdStartMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void request(String function, ServedBy by, long waitNanos, long servedNanos) {
        timer(
                        "quiver.coldstart.wait",
                        "Arrival at the activator to dispatch to an instance, for requests that found"
                                + " no ready capacity",
                        function,
                        "served_by",
                        by.key())
                .record(waitNanos, TimeUnit.NANOSECONDS);
        timer(
                        "quiver.coldstart.served",
                        "Dispatch to the first response byte, for requests that found no ready" + " capacity",
                        function,
                        "served_by",
                        by.key())
                .record(servedNanos, TimeUnit.NANOSECONDS);
        timer(
                        "quiver.coldstart.first.byte",
                        "Arrival at the activator to the first response byte, for requests that"
                                + " found no ready capacity",
                        function,
                        "served_by",
                        by.key())
                .record(waitNanos + servedNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void startup(String function, String launch, String role, String measuredBy, long nanos) {
        String name;
        String help;
        switch (measuredBy) {
            case "instance" -> {
                name = "quiver.instance.reported.startup";
                help = "Process start to ready as the instance reported it";
            }
            case "decision-exec" -> {
                name = "quiver.instance.spawn";
                help = "The scaling decision to the instance's process exec (the platform's spawn path)";
            }
            default -> {
                name = "quiver.instance.startup";
                help = "Instance spawn to its ready push (or first successful readiness probe)";
            }
        }
        timer(name, help, function, "launch", launch, "role", role).record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    @Override
    public void removed(String function) {
        timers.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(function + "\u0000")) {
                registry.remove((Meter) e.getValue());
                return true;
            }
            return false;
        });
    }

    private Timer timer(String name, String help, String function, String... tags) {
        String key = function + "\u0000" + name + "\u0000" + String.join("\u0000", tags);
        return timers.computeIfAbsent(
                key,
                k -> Timer.builder(name)
                        .description(help)
                        .tag("function", function)
                        .tags(tags)
                        .serviceLevelObjectives(BUCKETS)
                        .minimumExpectedValue(BUCKETS[0])
                        .maximumExpectedValue(BUCKETS[BUCKETS.length - 1])
                        .register(registry));
    }
}
