package dev.quiver.local.it.faults;

import dev.quiver.local.it.Api;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Steady request load on a function through the activator: {@code clients} callers, each sending the next request
 * when the last one was answered; every answer's status (0 = no answer: refused, reset, timed out) is recorded as
 * before or after {@link #mark()} (the fault).
 */
final class Requests implements AutoCloseable {

    private final ConcurrentLinkedQueue<Integer> before = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> after = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean marked = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<CompletableFuture<Void>> clients;

    /** @param api asked before each request: the platform answering may change (a restart) */
    Requests(Supplier<Api> api, String function, int clients) {
        this.clients = IntStream.range(0, clients)
                .mapToObj(c -> CompletableFuture.runAsync(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        int status;
                        try {
                            status =
                                    api.get().hello(function, "c" + c + "-" + i).statusCode();
                        } catch (RuntimeException e) {
                            status = 0;
                        }
                        (marked.get() ? after : before).add(status);
                        if (status == 0) {
                            sleep(100);
                        }
                    }
                }))
                .toList();
    }

    void mark() {
        marked.set(true);
    }

    List<Integer> before() {
        return List.copyOf(before);
    }

    List<Integer> after() {
        return List.copyOf(after);
    }

    /** At least {@code n} answers after the mark, the last {@code n} of them all 200. */
    boolean servingAgain(int n) {
        List<Integer> seen = after();
        return seen.size() >= n
                && seen.subList(seen.size() - n, seen.size()).stream().allMatch(s -> s == 200);
    }

    /** Statuses after the mark, counted. */
    Map<Integer, Long> afterByStatus() {
        Map<Integer, Long> statuses = new TreeMap<>();
        after.forEach(s -> statuses.merge(s, 1L, Long::sum));
        return statuses;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.set(true);
        clients.forEach(CompletableFuture::join);
    }
}
