package dev.quiver.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scaling 3 -> 1 under steady traffic: the stopped instances drain, no request fails. */
class GracefulScaleDownIT {
    private final PlatformProcess platform = PlatformProcess.get();
    private final Api api = new Api(platform);

    @Test
    void scaleDownUnderTrafficFailsNoRequest() throws Exception {
        api.deployHello("down", "minScale: 3\ninitialScale: 3\n");
        await().atMost(Duration.ofSeconds(180))
                .untilAsserted(() ->
                        assertThat(api.status("down").path("ready").asInt()).isEqualTo(3));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        var failures = ConcurrentHashMap.<String>newKeySet();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        var r = api.hello("down", "load");
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        await().until(() -> ok.get() > 50);

        api.deployHello("down", "minScale: 1\ninitialScale: 1\n");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(api.status("down").path("instances")).hasSize(1));
        int before = ok.get();
        await().until(() -> ok.get() > before + 50);
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(api.status("down").path("ready").asInt()).isEqualTo(1);
        api.delete("down");
    }
}
