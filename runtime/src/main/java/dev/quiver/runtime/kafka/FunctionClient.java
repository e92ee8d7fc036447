package dev.quiver.runtime.kafka;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.quiver.runtime.lifecycle.InstanceState;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.quarkus.runtime.LaunchMode;

/**
 * Invokes the app's own function with a record's event in the CloudEvents HTTP binary mode, over the instance's own
 * HTTP port: the same Funqy binding as pushed events (so {@code CloudEvent<T>}, JSON and byte inputs behave the
 * same), and the same admission, concurrency limit, stats and metrics (the scaler sees Kafka work as concurrency).
 * Waits until the instance is ready (HTTP listening, warm-up done) before the first call.
 */
final class FunctionClient implements RecordProcessor.Invoker {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
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
    public RecordProcessor.Answer invoke(CloudEvent event) throws Exception {
        awaitReady();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(request::header, bytes -> body[0] = bytes).writeBinary(event);
        request.POST(body[0] == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body[0]));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new RecordProcessor.Answer(response.statusCode(), response.body());
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
        return value != null ? Integer.parseInt(value) : ConfigProvider.getConfig().getValue(key, Integer.class);
    }
}
