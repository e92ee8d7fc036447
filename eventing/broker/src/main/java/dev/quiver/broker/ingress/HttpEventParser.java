package dev.quiver.broker.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.vertx.VertxMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the events of an HTTP request in the binary, structured or batched mode of the CloudEvents HTTP binding,
 * with the SDK (cloudevents-http-vertx, cloudevents-json-jackson).
 */
public final class HttpEventParser {

    public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat FORMAT = new JsonFormat();

    private HttpEventParser() {}

    /** A structured-mode content type naming an event format other than JSON (Knative answers 415). */
    public static boolean unsupportedFormat(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return t.startsWith("application/cloudevents")
                && !t.equals("application/cloudevents+json")
                && !t.equals(BATCH_CONTENT_TYPE);
    }

    public static List<CloudEvent> parse(MultiMap headers, Buffer body) throws InvalidEventException {
        String contentType = headers.get("content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(BATCH_CONTENT_TYPE)) {
            return batch(body);
        }
        try {
            return List.of(VertxMessageFactory.createReader(headers, body == null ? Buffer.buffer() : body)
                    .toEvent());
        } catch (RuntimeException e) {
            throw new InvalidEventException(reason(e));
        }
    }

    private static List<CloudEvent> batch(Buffer body) throws InvalidEventException {
        JsonNode array;
        try {
            array = JSON.readTree(body == null ? new byte[0] : body.getBytes());
        } catch (IOException e) {
            throw new InvalidEventException("batch must be a JSON array of events: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (array == null || !array.isArray()) {
            throw new InvalidEventException("batch must be a JSON array of events");
        }
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                events.add(FORMAT.deserialize(JSON.writeValueAsBytes(array.get(i))));
            } catch (IOException | RuntimeException e) {
                throw new InvalidEventException("batch[" + i + "]: " + reason(e));
            }
        }
        return events;
    }

    private static String reason(Exception e) {
        Throwable t = e;
        StringBuilder msg = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            msg.append(": ").append(t.getMessage());
        }
        return msg.toString();
    }
}
