package dev.quiver.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged app as a real process: SIGTERM drains in-flight work, and a bad setting stops start-up. */
class HelloProcessIT {

    @Test
    void sigtermLetsAnInFlightRequestFinishAndRefusesNewOnes() throws Exception {
        try (HelloInstance hello = HelloInstance.start("quiver.drain.timeout=20s")) {
            assertThat(hello.awaitReady(Duration.ofSeconds(60)))
                    .as("ready; log:%n%s", hello.output())
                    .isTrue();
            String body = "{\"name\":\"Ada\"}";
            try (Socket slowUpload = new Socket("localhost", hello.port)) {
                OutputStream out = slowUpload.getOutputStream();
                // headers and half the body: the request is in flight while the client is still sending
                out.write(("POST /hello HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 5))
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                awaitInFlight(hello, 1);

                hello.process.toHandle().destroy(); // SIGTERM
                awaitStatus(hello, "/q/health/ready", 503);
                HttpResponse<String> late = post(hello, "/hello", body);
                assertThat(late.statusCode()).isEqualTo(503);
                assertThat(late.body()).contains("draining");

                out.write(body.substring(5).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = readResponse(slowUpload.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 200").contains("Hello Ada!");
            }
            assertThat(hello.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(hello.output()).contains("Drained 1 request(s)");
        }
    }

    @Test
    void aWrongSettingStopsStartUpWithTheKeyInTheMessage() throws Exception {
        try (HelloInstance hello = HelloInstance.start("quiver.container-concurrency=-3")) {
            assertThat(hello.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(hello.process.exitValue()).isNotZero();
            assertThat(hello.output())
                    .contains("quiver.container-concurrency must be >= 0 (0 = unlimited), but was '-3'");
        }
    }

    private static void awaitInFlight(HelloInstance hello, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String stats = "";
        while (System.nanoTime() < deadline) {
            stats = get(hello, "/quiver/stats").body();
            if (stats.contains("\"inFlight\":" + expected)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never saw " + expected + " in flight: " + stats);
    }

    private static void awaitStatus(HelloInstance hello, String path, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (get(hello, path).statusCode() != status) {
            assertThat(System.nanoTime())
                    .as("%s never answered %d", path, status)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static HttpResponse<String> get(HelloInstance hello, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(hello.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HelloInstance hello, String path, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(hello.uri(path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String readResponse(InputStream in) throws Exception {
        byte[] buffer = new byte[4096];
        StringBuilder response = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !response.toString().contains("}")) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return response.toString();
    }
}
