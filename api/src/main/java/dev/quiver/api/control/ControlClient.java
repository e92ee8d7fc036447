package dev.quiver.api.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.errors.ErrorBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A client of the local platform's control API ({@code /v1}): typed with the records of this package. */
public final class ControlClient {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final Supplier<Optional<String>> token;

    /** A client without a token: only the open endpoints ({@code /q/health}) answer. */
    public ControlClient(URI base, Duration timeout) {
        this(base, timeout, Optional::empty);
    }

    /**
     * @param base the control API's root, e.g. {@code http://127.0.0.1:8082}
     * @param token the bearer token sent as {@code Authorization: Bearer} on every call, asked for at each call
     *              (a platform being started writes its token file only once it runs)
     */
    public ControlClient(URI base, Duration timeout, Supplier<Optional<String>> token) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.timeout = timeout;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI base() {
        return base;
    }

    /** The outcome of a deploy: created, updated, or rejected with the problems the platform found. */
    public record DeployResult(int status, FunctionStatus function, DeployRejection rejection) {
        public boolean created() {
            return status == 201;
        }

        public boolean ok() {
            return status == 200 || status == 201;
        }
    }

    /** Whether the control API answers its readiness check. */
    public boolean ready() {
        try {
            return send(get("q/health/ready")).statusCode() == 200;
        } catch (ControlUnreachable e) {
            return false;
        }
    }

    public PlatformInfo info() {
        return read(expectOk(send(get("v1/info"))), PlatformInfo.class);
    }

    public List<FunctionStatus> functions() {
        return read(expectOk(send(get("v1/functions"))), new TypeReference<List<FunctionStatus>>() {});
    }

    /** The status table and cold-start lines as {@code quiver ls} prints them. */
    public String table() {
        return expectOk(send(
                        request("v1/functions").header("Accept", "text/plain").GET()))
                .body();
    }

    public Optional<FunctionStatus> function(String name) {
        return found(send(get("v1/functions/" + path(name)))).map(r -> read(r, FunctionStatus.class));
    }

    public Optional<FunctionSummary> summary(String name, long sinceEpochMillis) {
        return found(send(get("v1/functions/" + path(name) + "/summary?since=" + sinceEpochMillis)))
                .map(r -> read(r, FunctionSummary.class));
    }

    public Optional<String> logs(String name, int lines) {
        return found(send(request("v1/functions/" + path(name) + "/logs?lines=" + lines)
                        .header("Accept", "text/plain")
                        .GET()))
                .map(HttpResponse::body);
    }

    /** The HTML report of every function's history. */
    public String report() {
        return expectOk(send(request("v1/report").header("Accept", "text/html").GET()))
                .body();
    }

    public List<ComponentStatus> components() {
        return read(expectOk(send(get("v1/platform/components"))), new TypeReference<List<ComponentStatus>>() {});
    }

    /** Creates or updates the function the YAML (or JSON) document describes. */
    public DeployResult deploy(String document) {
        HttpResponse<String> r = send(request("v1/functions")
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(document)));
        if (r.statusCode() == 200 || r.statusCode() == 201) {
            return new DeployResult(r.statusCode(), read(r, FunctionStatus.class), null);
        }
        if (r.statusCode() == 400) {
            return new DeployResult(400, null, read(r, DeployRejection.class));
        }
        throw unexpected(r);
    }

    /** The function's revisions and traffic; empty when no such function is deployed. */
    public Optional<FunctionRevisions> revisions(String name) {
        return found(send(get("v1/functions/" + path(name) + "/revisions"))).map(r -> read(r, FunctionRevisions.class));
    }

    /**
     * Sets the function's traffic at once.
     *
     * @return the revisions and traffic after, or the rejection (400)
     * @throws ControlException when no such function is deployed, or on any other failure
     */
    public TrafficResult traffic(String name, TrafficRequest request) {
        String body;
        try {
            body = JSON.writeValueAsString(request);
        } catch (java.io.IOException e) {
            throw new ControlException("cannot write the traffic request: " + e.getMessage());
        }
        HttpResponse<String> r = send(request("v1/functions/" + path(name) + "/traffic")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() == 200) {
            return new TrafficResult(read(r, FunctionRevisions.class), null);
        }
        if (r.statusCode() == 400) {
            return new TrafficResult(null, read(r, DeployRejection.class));
        }
        throw unexpected(r);
    }

    /** What {@link #traffic} answered: the revisions after, or why it was refused. */
    public record TrafficResult(FunctionRevisions revisions, DeployRejection rejection) {
        public boolean ok() {
            return rejection == null;
        }
    }

    /** @return false when no such function was deployed */
    public boolean delete(String name) {
        HttpResponse<String> r = send(request("v1/functions/" + path(name)).DELETE());
        if (r.statusCode() == 404) {
            return false;
        }
        expectOk(r);
        return true;
    }

    private HttpRequest.Builder get(String path) {
        return request(path).header("Accept", "application/json").GET();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        token.get().filter(t -> !t.isBlank()).ifPresent(t -> b.header("Authorization", "Bearer " + t.strip()));
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest r = request.build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new ControlUnreachable(base, e);
        } catch (IOException e) {
            throw new ControlUnreachable(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlUnreachable(base, e);
        }
    }

    private static Optional<HttpResponse<String>> found(HttpResponse<String> r) {
        return r.statusCode() == 404 ? Optional.empty() : Optional.of(expectOk(r));
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> r) {
        if (r.statusCode() >= 300) {
            throw unexpected(r);
        }
        return r;
    }

    private static ControlException unexpected(HttpResponse<String> r) {
        String message = r.body();
        try {
            ErrorBody e = JSON.readValue(r.body(), ErrorBody.class);
            if (e.message() != null) {
                message = e.message();
            }
        } catch (IOException | RuntimeException notAnErrorBody) {
            // keep the raw body
        }
        return new ControlException("the control API answered HTTP " + r.statusCode() + " to "
                + r.request().method() + " " + r.uri().getPath() + ": " + message);
    }

    private static <T> T read(HttpResponse<String> r, Class<T> type) {
        try {
            return JSON.readValue(r.body(), type);
        } catch (IOException e) {
            throw new ControlException("unreadable answer from " + r.uri() + ": " + e.getMessage());
        }
    }

    private static <T> T read(HttpResponse<String> r, TypeReference<T> type) {
        try {
            return JSON.readValue(r.body(), type);
        } catch (IOException e) {
            throw new ControlException("unreadable answer from " + r.uri() + ": " + e.getMessage());
        }
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The control API answered something it should not have. */
    public static class ControlException extends RuntimeException {
        public ControlException(String message) {
            super(message);
        }
    }

    /** No answer from the control API: the platform is not running there. */
    public static final class ControlUnreachable extends ControlException {
        public ControlUnreachable(URI base, Exception cause) {
            super("no answer from the control API at " + base + " ("
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + ")");
        }
    }
}
