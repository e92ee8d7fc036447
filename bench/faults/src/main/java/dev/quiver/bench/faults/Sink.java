package dev.quiver.bench.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The subscriber: records the {@code ce-subject} (an object key), else the {@code ce-id}, of every delivery it
 * answers, per path (repeats included); while
 * {@link #hang} lasts, it holds every request unanswered until the hang ends (a subscriber that hangs).
 */
public final class Sink implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faults-sink");
        t.setDaemon(true);
        return t;
    });
    private final List<Tally.Delivery> deliveries = new ArrayList<>();
    private final Object hangLock = new Object();
    private long hangUntilNanos;

    public Sink() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                // an object store event is named by its object key (the subject); other events by their id
                String subject = exchange.getRequestHeaders().getFirst("ce-subject");
                String id =
                        subject != null ? subject : exchange.getRequestHeaders().getFirst("ce-id");
                waitOutHang();
                if (id != null) {
                    synchronized (deliveries) {
                        deliveries.add(
                                new Tally.Delivery(exchange.getRequestURI().getPath() + "|" + id, System.nanoTime()));
                    }
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every delivery to {@code path} so far, as ids. */
    public List<Tally.Delivery> deliveries(String path) {
        String prefix = path + "|";
        synchronized (deliveries) {
            return deliveries.stream()
                    .filter(d -> d.id().startsWith(prefix))
                    .map(d -> new Tally.Delivery(d.id().substring(prefix.length()), d.atNanos()))
                    .toList();
        }
    }

    /** From now, requests are held unanswered for {@code millis}. */
    public void hang(long millis) {
        synchronized (hangLock) {
            hangUntilNanos = System.nanoTime() + millis * 1_000_000;
        }
    }

    private void waitOutHang() {
        while (true) {
            long left;
            synchronized (hangLock) {
                left = hangUntilNanos - System.nanoTime();
            }
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(left / 1_000_000 + 1, 500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
