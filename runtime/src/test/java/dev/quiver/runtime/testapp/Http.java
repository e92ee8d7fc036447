package dev.quiver.runtime.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Real HTTP calls for the runtime's tests, many at once. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {}

    public static CompletableFuture<HttpResponse<String>> post(URI base, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public static List<CompletableFuture<HttpResponse<String>>> napAll(URI base, int count, long millis) {
        return callAll(base, "/nap", count, "{\"millis\":" + millis + "}");
    }

    /** {@code count} calls of the {@code hold} function: they stay in flight until the test opens the gate. */
    public static List<CompletableFuture<HttpResponse<String>>> holdAll(URI base, int count) {
        return callAll(base, "/hold", count, "{\"millis\":7}");
    }

    private static List<CompletableFuture<HttpResponse<String>>> callAll(
            URI base, String path, int count, String json) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(post(base, path, json));
        }
        return calls;
    }
}
