package dev.quiver.bench.faults;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one {@link Scenario} on a {@link Rig}: creates its trigger through the broker's admin API (the way a user
 * does, so a broker restart must bring it back from the triggers topic), publishes {@code events} events, or uploads
 * as many objects to the store, injecting the fault a third of the way in and going on for a third at least after the
 * fault is over, then waits until every acknowledged one was delivered or {@code settle} passed, and tallies.
 */
public final class FaultRun {

    private FaultRun() {}

    public static Tally run(Rig rig, Scenario scenario, int events, int perSecond, Duration settle) throws Exception {
        String name = scenario.name();
        String path = "/" + name;
        String type = "faults." + name;
        // events: the scenario's type; uploads: the store's events of keys <name>-<n>
        String filters = scenario.uploads()
                ? "[{\"exact\":{\"type\":\"com.amazonaws.s3.ObjectCreated:Put\"}}," + "{\"prefix\":{\"subject\":\""
                        + name + "-\"}}]"
                : "[{\"exact\":{\"type\":\"" + type + "\"}}]";
        // retries outlast every fault of the suite: 90 attempts 1 s apart, 5 s each
        HttpResponse<String> created = rig.broker.createTrigger("""
                {"metadata":{"name":"f-%s"},"spec":{"filters":%s,
                 "subscriber":{"uri":"%s"},
                 "delivery":{"retry":90,"backoffPolicy":"linear","backoffDelay":"PT1S","timeout":"PT5S"}}}""".formatted(name, filters, rig.sink.url(path)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "trigger for " + name + " not created: " + created.statusCode() + " " + created.body());
        }
        Load load = new Load();
        CompletableFuture<Load> published = load.start(
                scenario.uploads() ? rig.sources()::upload : Load.events(() -> rig.broker.url("/default"), type),
                name,
                perSecond);
        Waits.until("a third of the load published", Duration.ofMinutes(10), () -> load.sent() >= events / 3);
        long faultAt = System.nanoTime();
        try {
            scenario.fault().inject(rig);
            // at least a third of the load after the fault is over, and the whole load in all
            int after = load.sent() + events / 3;
            Waits.until(
                    "the load after the fault", Duration.ofMinutes(10), () -> load.sent() >= Math.max(events, after));
        } finally {
            load.stop();
        }
        published.join();
        Map<String, Long> accepted = load.accepted();
        long deadline = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < deadline
                && !rig.sink.deliveries(path).stream()
                        .map(Tally.Delivery::id)
                        .collect(java.util.stream.Collectors.toSet())
                        .containsAll(accepted.keySet())) {
            Waits.sleep(500);
        }
        return Tally.of(name, accepted, load.refused(), rig.sink.deliveries(path), faultAt);
    }
}
