package dev.quiver.sources.publish;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers with the scripted statuses (-1 = connection refused), then 202; keeps what it was sent. */
final class ScriptedSender implements EventSender {

    private final Deque<Integer> script;
    final List<CloudEvent> sent = new ArrayList<>();
    final List<CloudEvent> accepted = new ArrayList<>();

    ScriptedSender(List<Integer> statuses) {
        script = new ArrayDeque<>(statuses);
    }

    @Override
    public synchronized int send(CloudEvent event) throws Exception {
        sent.add(event);
        Integer next = script.poll();
        if (next != null && next == -1) {
            throw new java.net.ConnectException("Connection refused");
        }
        int status = next == null ? 202 : next;
        if (status / 100 == 2) {
            accepted.add(event);
        }
        return status;
    }

    /** The event's attributes and its data as a JSON tree: what must survive the outbox (JSON data is re-encoded). */
    static String essence(CloudEvent e) {
        try {
            return e.getId() + " " + e.getType() + " " + e.getSource() + " " + e.getSubject() + " "
                    + new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(e.getData().toBytes());
        } catch (java.io.IOException bad) {
            throw new IllegalStateException(bad);
        }
    }

    static CloudEvent event(String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("aws:s3.us-east-1.b"))
                .withType("com.amazonaws.s3.ObjectCreated:Put")
                .withSubject("key-" + id)
                .withData("application/json", ("{\"id\":\"" + id + "\"}").getBytes())
                .build();
    }
}
