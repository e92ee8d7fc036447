package dev.quiver.local.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.local.it.Api;
import dev.quiver.local.it.PlatformProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Fault suite, local platform: an instance SIGKILLed while requests are in flight through the activator. Only the
 * requests it held fail, with a 502 the client can retry (none hangs, none is answered 200 without being served); the
 * activator sends the rest to the other instance, and the function answers 200 again without anyone acting.
 */
class InstanceKillIT {

    private static final int CLIENTS = 6;

    private final PlatformProcess platform = PlatformProcess.get();
    private final Api api = new Api(platform);

    @Test
    void anInstanceKilledWithRequestsInFlightFailsOnlyThoseWithA502() {
        api.deployHello("inflight", "minScale: 2\ninitialScale: 2\n");
        await().atMost(Duration.ofSeconds(180))
                .untilAsserted(() ->
                        assertThat(api.status("inflight").path("ready").asInt()).isEqualTo(2));
        long victim = api.status("inflight").path("instances").get(0).path("pid").asLong();

        ConcurrentLinkedQueue<Integer> before = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> after = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<CompletableFuture<Void>> clients = IntStream.range(0, CLIENTS)
                .mapToObj(c -> CompletableFuture.runAsync(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        int status = send("c" + c + "-" + i);
                        (killed.get() ? after : before).add(status);
                    }
                }))
                .toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> before.size() >= 100);
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        killed.set(true);
        // the function serves again: 50 answers in a row are 200 after the kill
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            List<Integer> seen = List.copyOf(after);
            return seen.size() >= 100
                    && seen.subList(seen.size() - 50, seen.size()).stream().allMatch(s -> s == 200);
        });
        stop.set(true);
        clients.forEach(CompletableFuture::join);

        Map<Integer, Long> statuses = new TreeMap<>();
        after.forEach(s -> statuses.merge(s, 1L, Long::sum));
        System.out.println("instance-kill-9: before " + before.size() + " requests, after " + statuses);
        assertThat(before).as("before the kill").allMatch(s -> s == 200);
        assertThat(statuses.keySet())
                .as("every request answered: served (200) or failed retryably (502 instance_failed)")
                .isSubsetOf(200, 502);
        assertThat(statuses.getOrDefault(502, 0L))
                .as("only requests the killed instance held, and ones sent on its connections before the"
                        + " platform saw it die")
                .isLessThan(statuses.getOrDefault(200, 0L));
        api.delete("inflight");
    }

    private int send(String who) {
        try {
            return api.hello("inflight", who).statusCode();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
