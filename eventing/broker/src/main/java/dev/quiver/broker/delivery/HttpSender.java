package dev.quiver.broker.delivery;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.vertx.VertxMessageFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Sends one event in the HTTP binary mode with {@code Prefer: reply} (Vert.x WebClient + the SDK's writer). */
public class HttpSender {

    private static final Logger LOG = Logger.getLogger(HttpSender.class);

    private final WebClient client;

    public HttpSender(Vertx vertx) {
        this.client = WebClient.create(
                vertx,
                new WebClientOptions().setMaxPoolSize(100).setKeepAlive(true).setUserAgent("quiver-broker"));
    }

    public Future<AttemptResult> send(URI target, CloudEvent event, Duration timeout) {
        HttpRequest<Buffer> request = client.requestAbs(io.vertx.core.http.HttpMethod.POST, target.toString())
                .timeout(Math.max(1, timeout.toMillis()))
                .putHeader("Prefer", "reply");
        Future<HttpResponse<Buffer>> response;
        try {
            response = VertxMessageFactory.createWriter(request).writeBinary(event);
        } catch (RuntimeException e) {
            return Future.succeededFuture(noAnswer(e));
        }
        return response.map(HttpSender::toResult).otherwise(HttpSender::noAnswer);
    }

    private static AttemptResult toResult(HttpResponse<Buffer> r) {
        byte[] body = r.body() == null ? new byte[0] : r.body().getBytes();
        Optional<CloudEvent> reply = Optional.empty();
        if (r.statusCode() / 100 == 2 && carriesEvent(r)) {
            try {
                reply = Optional.of(VertxMessageFactory.createReader(r).toEvent());
            } catch (RuntimeException e) {
                LOG.debugf("2xx response is not a valid CloudEvent, ignored as reply: %s", e.getMessage());
            }
        }
        return new AttemptResult(r.statusCode(), body, Optional.ofNullable(r.getHeader("Retry-After")), reply);
    }

    private static boolean carriesEvent(HttpResponse<Buffer> r) {
        String ct = r.getHeader("content-type");
        return r.getHeader("ce-specversion") != null || (ct != null && ct.startsWith("application/cloudevents"));
    }

    private static AttemptResult noAnswer(Throwable t) {
        return new AttemptResult(
                0, String.valueOf(t.getMessage()).getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty());
    }

    public void close() {
        client.close();
    }
}
