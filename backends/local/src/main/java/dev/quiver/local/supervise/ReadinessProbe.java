package dev.quiver.local.supervise;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

/** Checks a {@link Readiness} once. */
final class ReadinessProbe {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param logOffset where the component's log stood when this start began */
    boolean ready(Component c, long logOffset) {
        if (c.readiness() instanceof Readiness.Http h) {
            try {
                return http.send(
                                        HttpRequest.newBuilder(h.url())
                                                .timeout(Duration.ofSeconds(2))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        Readiness.LogLine line = (Readiness.LogLine) c.readiness();
        return logSince(c, logOffset).lines().anyMatch(l -> l.startsWith(line.prefix()));
    }

    private static String logSince(Component c, long offset) {
        if (!Files.exists(c.log())) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(c.log().toFile(), "r")) {
            long length = f.length();
            if (length <= offset) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            f.seek(offset);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
