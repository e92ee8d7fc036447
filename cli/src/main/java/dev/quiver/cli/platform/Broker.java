package dev.quiver.cli.platform;

import dev.quiver.cli.QuiverException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageWriter;
import io.cloudevents.http.HttpMessageFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The broker's ingress (binary-mode CloudEvents over HTTP, the SDK's HTTP binding) and its metrics. */
public final class Broker {
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public Broker(URI base) {
        this.base = base;
    }

    /** POSTs the event to {@code /<broker>}; fails unless the broker answers 202. */
    public void publish(String broker, CloudEvent event) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve("/" + broker)).timeout(Duration.ofSeconds(30));
        byte[][] body = {new byte[0]};
        MessageWriter<?, ?> writer = HttpMessageFactory.createWriter(request::header, b -> body[0] = b);
        writer.writeBinary(event);
        HttpResponse<String> r;
        try {
            r = http.send(
                    request.POST(HttpRequest.BodyPublishers.ofByteArray(body[0] == null ? new byte[0] : body[0]))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw QuiverException.notRunning("the broker is not running (" + base + "); quiver up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuiverException.failed("interrupted");
        }
        if (r.statusCode() != 202) {
            throw QuiverException.failed("the broker answered HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    /** A counter from its Prometheus metrics (the line {@code name{labels} value}), 0 when absent. */
    public long metric(String nameAndLabels) {
        try {
            String text = http.send(
                            HttpRequest.newBuilder(base.resolve("/q/metrics"))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return metric(text, nameAndLabels).orElse(0L);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static Optional<Long> metric(String prometheusText, String nameAndLabels) {
        return prometheusText
                .lines()
                .filter(l -> l.startsWith(nameAndLabels + " "))
                .findFirst()
                .map(l -> (long) Double.parseDouble(
                        l.substring(nameAndLabels.length() + 1).trim().split(" ")[0]));
    }
}
