package dev.quiver.sources.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP server standing in for the broker ingress: reads each POST as a CloudEvent (binary or structured, with
 * the SDK) and keeps it. It can be told to fail the next N requests with 503.
 */
public final class CapturingBroker implements AutoCloseable {

    private final HttpServer server;
    private final List<CloudEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    public CapturingBroker() throws IOException {
        this(0);
    }

    /** A broker on {@code port} (0 = any free one): a broker that was down comes back where it was. */
    public CapturingBroker(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
        try {
            events.add(HttpMessageFactory.createReader(headers, body).toEvent());
            exchange.sendResponseHeaders(202, -1);
        } catch (RuntimeException notAnEvent) {
            exchange.sendResponseHeaders(400, -1);
        }
        exchange.close();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/default";
    }

    public List<CloudEvent> events() {
        return new ArrayList<>(events);
    }

    /**
     * The events with each id once (first arrival kept): the sources deliver at-least-once, and a direct POST that
     * timed out on a loaded machine is sent again from the outbox with the same id.
     */
    public List<CloudEvent> distinctEvents() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return events.stream().filter(e -> seen.add(e.getId())).toList();
    }

    public List<CloudEvent> events(Predicate<CloudEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    public void failNext(int n) {
        failNext.set(n);
    }

    public int requests() {
        return requests.get();
    }

    public void clear() {
        events.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
