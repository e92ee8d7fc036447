package dev.quiver.runtime.kafka;

import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The function {@link KafkaTriggerDeliveryTest} binds: data {@code <tag>:<n>}, key = the record key. It records, per
 * key, the order in which invocations started and whether two invocations of one key ever overlapped; it completes
 * asynchronously (as a function that produces a result and returns the send's {@code Uni}); data starting with
 * {@code boom} fails; key {@code held} completes only when the test releases it.
 */
public class OrderedRecorder {

    /** One invocation: its data, and ticks of a global counter when it started and completed. */
    public record Call(String key, String data, long startTick, long endTick) {}

    private static final AtomicLong TICK = new AtomicLong();
    private static final Map<String, List<String>> STARTED = new ConcurrentHashMap<>();
    private static final Set<String> IN_FLIGHT_KEYS = ConcurrentHashMap.newKeySet();
    private static final List<String> OVERLAPS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final Map<String, Call> COMPLETED = new ConcurrentHashMap<>();
    private static final List<Long> BOOM_TICKS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MOST_RUNNING = new AtomicInteger();
    private static volatile CompletableFuture<Void> held = new CompletableFuture<>();
    private static volatile long delayMillis = 1;

    public static Map<String, List<String>> startedByKey() {
        Map<String, List<String>> copy = new java.util.HashMap<>();
        STARTED.forEach((k, v) -> {
            synchronized (v) {
                copy.put(k, new ArrayList<>(v));
            }
        });
        return copy;
    }

    public static List<String> overlaps() {
        return List.copyOf(OVERLAPS);
    }

    public static Map<String, Call> completed() {
        return Map.copyOf(COMPLETED);
    }

    public static List<Long> boomTicks() {
        return List.copyOf(BOOM_TICKS);
    }

    public static int mostRunning() {
        return MOST_RUNNING.get();
    }

    public static void release() {
        held.complete(null);
    }

    public static void delayMillis(long millis) {
        delayMillis = millis;
    }

    @Funq
    public Uni<String> kafkaOrdered(CloudEvent<byte[]> event) {
        String data = new String(event.data(), StandardCharsets.UTF_8);
        String key = String.valueOf(event.extensions().get("partitionkey"));
        long start = TICK.incrementAndGet();
        if (!IN_FLIGHT_KEYS.add(key)) {
            OVERLAPS.add(key + " " + data);
        }
        MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        List<String> started = STARTED.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (started) {
            started.add(data);
        }
        if (data.startsWith("boom")) {
            BOOM_TICKS.add(start);
            finish(key);
            throw new IllegalStateException("boom record refused");
        }
        CompletableFuture<Void> done = key.equals("held")
                ? held
                : CompletableFuture.runAsync(
                        () -> {}, CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
        return Uni.createFrom().completionStage(done).map(ignored -> {
            finish(key);
            COMPLETED.put(data, new Call(key, data, start, TICK.incrementAndGet()));
            return data;
        });
    }

    private static void finish(String key) {
        RUNNING.decrementAndGet();
        IN_FLIGHT_KEYS.remove(key);
    }
}
