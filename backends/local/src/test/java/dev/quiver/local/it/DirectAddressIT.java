package dev.quiver.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A function's direct address: served by its instances themselves (the activator's counters stay flat), held by
 * the activator at zero, handed over with no failed request while a client keeps sending (a new revision replacing
 * the instance, scale to zero, a cold start from zero), with {@code net.ipv4.tcp_migrate_req=1}.
 */
class DirectAddressIT {
    private static final Path MIGRATE = Path.of("/proc/sys/net/ipv4/tcp_migrate_req");
    private static String migrateBefore;
    private static PlatformProcess platform;
    private static Api api;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        if (Files.isWritable(MIGRATE)) {
            migrateBefore = Files.readString(MIGRATE).strip();
            // 1 (the setting docs/platform.md asks for); -Dquiver.it.tcp-migrate-req=0 measures what 0 costs
            Files.writeString(MIGRATE, System.getProperty("quiver.it.tcp-migrate-req", "1"));
        }
        int first = 20000 + (int) (ProcessHandle.current().pid() % 20000);
        platform = PlatformProcess.startPrivate(List.of(
                "-Dquiver.platform.direct.first-port=" + first, "-Dquiver.platform.direct.last-port=" + (first + 50)));
        api = new Api(platform);
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.stop();
        }
        if (migrateBefore != null) {
            Files.writeString(MIGRATE, migrateBefore);
        }
    }

    @Test
    void requestsOnTheDirectAddressAreServedByTheInstanceNotTheActivator() {
        assertThat(api.deployHello("straight", "initialScale: 1\nminScale: 1\nmaxScale: 1\n")
                        .statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(
                                api.status("straight").at("/direct/servedBy").asText())
                        .isEqualTo("instances"));
        JsonNode before = api.status("straight");
        String url = before.at("/direct/url").asText();
        assertThat(url).matches("http://127\\.0\\.0\\.1:[0-9]+");
        long instanceBefore = before.at("/instances/0/requests").asLong();
        double activatorBefore = activatorRequests("straight");

        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = post(url + "/hello", "{\"name\":\"direct" + i + "\"}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Hello direct" + i + "!");
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.status("straight")
                                .at("/instances/0/requests")
                                .asLong())
                        .isGreaterThanOrEqualTo(instanceBefore + 50));
        assertThat(activatorRequests("straight")).isEqualTo(activatorBefore);
        api.delete("straight");
    }

    @Test
    void aClientSendingOnTheDirectAddressSeesNoFailureThroughARollScaleToZeroAndAColdStart() throws Exception {
        String scale = "initialScale: 1\nminScale: 0\nmaxScale: 2\nscaleToZeroGracePeriod: 1s\nstableWindow: 6s\n"
                + "tickInterval: 1s\n";
        assertThat(api.deployHello("handoff", scale).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(
                                api.status("handoff").at("/direct/servedBy").asText())
                        .isEqualTo("instances"));
        String url = api.status("handoff").at("/direct/url").asText() + "/hello";
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            loops.add(clients.submit(() -> send(url, sending, ok, failures)));
        }
        try {
            // a new revision (a changed environment) replaces the instance under load
            long okBeforeRoll = ok.get();
            assertThat(api.deployHello("handoff", scale, "env: {GREETING_ROLL: \"2\"}")
                            .statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode s = api.status("handoff");
                assertThat(s.at("/instances/0/id").asText()).startsWith("handoff-00002");
                assertThat(s.at("/direct/servedBy").asText()).isEqualTo("instances");
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> ok.get() > okBeforeRoll + 200);
        } finally {
            sending.set(false);
            for (var l : loops) {
                l.get(60, TimeUnit.SECONDS);
            }
        }
        // idle: the function goes to zero; the activator holds its direct address
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode s = api.status("handoff");
            assertThat(s.path("instances")).isEmpty();
            assertThat(s.at("/direct/servedBy").asText()).isEqualTo("activator");
        });
        // a client comes back: its requests wait at the activator on the direct address for a cold start
        sending.set(true);
        loops.clear();
        long okBeforeCold = ok.get();
        for (int c = 0; c < 4; c++) {
            loops.add(clients.submit(() -> send(url, sending, ok, failures)));
        }
        try {
            await().atMost(Duration.ofSeconds(120))
                    .untilAsserted(() -> assertThat(
                                    api.status("handoff").at("/direct/servedBy").asText())
                            .isEqualTo("instances"));
            await().atMost(Duration.ofSeconds(30)).until(() -> ok.get() > okBeforeCold + 200);
        } finally {
            sending.set(false);
            for (var l : loops) {
                l.get(60, TimeUnit.SECONDS);
            }
            clients.shutdownNow();
        }
        assertThat(failures)
                .as("failed requests by cause (%d answered 200)", ok.get())
                .isEmpty();
        assertThat(api.status("handoff").path("coldStarts").asLong()).isGreaterThanOrEqualTo(1);
        api.delete("handoff");
    }

    private void send(String url, AtomicBoolean sending, AtomicLong ok, Map<String, AtomicInteger> failures) {
        while (sending.get()) {
            try {
                HttpResponse<String> r = post(url, "{\"name\":\"loop\"}");
                if (r.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    failures.computeIfAbsent("status " + r.statusCode() + ": " + r.body(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            } catch (Exception e) {
                failures.computeIfAbsent(e.toString(), k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private HttpResponse<String> post(String url, String json) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(90))
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every request the activator counted for the function, whatever its outcome. */
    private static double activatorRequests(String function) {
        Matcher m = Pattern.compile(
                        "quiver_activator_requests_total\\{function=\"" + function + "[^\"]*\",[^}]*} ([0-9.E]+)")
                .matcher(api.metrics());
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
