package dev.quiver.control.observe.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.quiver.api.stats.StatsReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The stats observer over real HTTP: the runtime's record in, empty for anything else, never an exception. */
class StatsObserverTest {
    static final StatsReport REPORT = new StatsReport("READY", 3, 1, 2.5, 40, 6, 1234, 2, 8, 100, 512, 60000);
    HttpServer server;
    volatile int status = 200;
    volatile byte[] body;
    volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(StatsReport.PATH, ex -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Optional<StatsReport> read() throws Exception {
        return new StatsObserver(Duration.ofMillis(500))
                .read("127.0.0.1", server.getAddress().getPort())
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void readsTheRecordTheRuntimeWrites() throws Exception {
        body = new ObjectMapper().writeValueAsBytes(REPORT);

        assertThat(read()).hasValue(REPORT);
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        body = "{\"inFlight\":2,\"queued\":1,\"averageConcurrency\":1.5,\"future\":true}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(read()).hasValueSatisfying(r -> assertThat(r.load()).isEqualTo(3));
    }

    record Bad(String label, int status, String body, long delayMillis) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Bad> bad() {
        return Stream.of(
                new Bad("an error status", 503, "{}", 0),
                new Bad("not JSON", 200, "<html>", 0),
                new Bad("an answer later than the timeout", 200, "{}", 1500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void anythingElseIsNoReading(Bad b) throws Exception {
        status = b.status();
        body = b.body().getBytes(StandardCharsets.UTF_8);
        delayMillis = b.delayMillis();

        assertThat(read()).isEmpty();
    }

    @Test
    void anInstanceThatIsNotListeningIsNoReading() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(new StatsObserver(Duration.ofMillis(300))
                        .read("127.0.0.1", port)
                        .get(5, TimeUnit.SECONDS))
                .isEmpty();
    }
}
