package dev.quiver.runtime.kafka;

import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The function the Kafka trigger tests bind to their topic: records what it got; data "boom" makes it fail. */
public class KafkaRecorder {

    /** What the function saw of one event. */
    public record Seen(String id, String type, String source, String partitionKey, String contentType, String data) {}

    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static final AtomicInteger BOOMS = new AtomicInteger();

    public static List<Seen> seen() {
        return List.copyOf(SEEN);
    }

    public static int booms() {
        return BOOMS.get();
    }

    @Funq
    public void kafkaRecorder(CloudEvent<byte[]> event) {
        String data = new String(event.data(), StandardCharsets.UTF_8);
        if (data.equals("boom")) {
            BOOMS.incrementAndGet();
            throw new IllegalStateException("boom record refused");
        }
        SEEN.add(new Seen(
                event.id(),
                event.type(),
                event.source(),
                event.extensions().get("partitionkey"),
                event.dataContentType(),
                data));
    }
}
