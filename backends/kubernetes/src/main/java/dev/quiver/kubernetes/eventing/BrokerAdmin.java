package dev.quiver.kubernetes.eventing;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The broker's trigger admin API over HTTP: create (replacing an existing one of the same name) and delete. */
public final class BrokerAdmin {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final Duration timeout;

    /** @param base e.g. {@code http://quiver-broker.quiver.svc.cluster.local} */
    public BrokerAdmin(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /** The broker's answer: 2xx applied; 400 with the broker's message naming the bad field. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Answer apply(TriggerDocument t) throws IOException, InterruptedException {
        Answer a = send(HttpRequest.newBuilder(uri("")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Serialization.asJson(t.document()))));
        if (a.status() != 409) {
            return a;
        }
        delete(t.name());
        return send(HttpRequest.newBuilder(uri("")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Serialization.asJson(t.document()))));
    }

    public Answer delete(String name) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/" + name)).DELETE());
    }

    private URI uri(String suffix) {
        return base.resolve("/admin/v1/triggers" + suffix);
    }

    private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }
}
