package dev.quiver.runtime.kafka;

import dev.quiver.runtime.lifecycle.InstanceState;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.quarkus.runtime.LaunchMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Invokes the app's own function with a record's event in the CloudEvents HTTP binary mode, over the instance's own
 * HTTP port ({@code quiver.kafka.invocation=http}; the default runs it in process, {@link InProcessInvoker}): the same Funqy binding as pushed events (so {@code CloudEvent<T>}, JSON and byte inputs behave the
 * same), and the same admission, concurrency limit, stats and metrics (the scaler sees Kafka work as concurrency).
 * Waits until the instance is ready (HTTP listening, warm-up done) before the first call.
 */
final class FunctionClient implements RecordProcessor.Invoker {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final InstanceState state;
    private final String path;
    private final Duration timeout;
    private volatile URI uri;

    FunctionClient(InstanceState state, String path, Duration timeout) {
        this.state = state;
        this.path = path;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<RecordProcessor.Answer> invoke(CloudEvent event) {
        try {
            awaitReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(request::header, bytes -> body[0] = bytes)
                .writeBinary(event);
        request.POST(
                body[0] == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body[0]));
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new RecordProcessor.Answer(response.statusCode(), response.body()));
    }

    private void awaitReady() throws InterruptedException {
        while (!state.isReady()) {
            Thread.sleep(10);
        }
        if (uri == null) {
            uri = URI.create("http://localhost:" + port() + path);
        }
    }

    private static int port() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String value = System.getProperty(key);
        return value != null
                ? Integer.parseInt(value)
                : ConfigProvider.getConfig().getValue(key, Integer.class);
    }
}
