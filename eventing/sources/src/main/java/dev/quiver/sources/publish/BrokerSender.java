package dev.quiver.sources.publish;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.vertx.VertxMessageFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** POSTs an event to the broker ingress in the CloudEvents HTTP binary mode (the SDK's Vert.x binding). */
public final class BrokerSender implements EventSender {

    private final WebClient client;
    private final URI url;
    private final Duration timeout;
    private final Optional<String> token;

    /** @param token sent as {@code Authorization: Bearer} when the broker requires ingress tokens */
    public BrokerSender(Vertx vertx, URI url, Duration timeout, Optional<String> token) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true));
        this.url = url;
        this.timeout = timeout;
        this.token = token;
    }

    @Override
    public int send(CloudEvent event) throws Exception {
        HttpRequest<Buffer> request = client.postAbs(url.toString()).timeout(timeout.toMillis());
        token.ifPresent(t -> request.bearerTokenAuthentication(t));
        HttpResponse<Buffer> response = VertxMessageFactory.createWriter(request)
                .writeBinary(event)
                .toCompletionStage()
                .toCompletableFuture()
                .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        return response.statusCode();
    }

    public void close() {
        client.close();
    }
}
