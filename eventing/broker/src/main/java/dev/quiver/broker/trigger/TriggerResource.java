package dev.quiver.broker.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.trigger.TriggerDocument;
import java.util.List;
import java.util.Map;

/**
 * A trigger as written in YAML or sent to the admin API, as the broker reads it (tolerant: filters stay plain trees so
 * {@link dev.quiver.broker.filter.FilterParser} names each bad one); the same shape as the shared contract
 * {@link TriggerDocument} (api), which the admin API answers ({@link #toDocument()}) and clients send.
 * <pre>
 * apiVersion: eventing.quiver.dev/v1
 * kind: Trigger
 * metadata: {name: orders}
 * spec:
 *   broker: default
 *   filters: [{prefix: {type: com.example.order.}}]
 *   subscriber: {uri: http://localhost:8081/}     # or {function: hello}
 *   ordering: unordered                           # or ordered
 *   delivery: {retry: 3, backoffPolicy: exponential, backoffDelay: PT0.2S, timeout: PT5S,
 *              deadLetterSink: {uri: kafka:quiver-dlq-orders}}
 * </pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriggerResource(String apiVersion, String kind, Metadata metadata, Spec spec, Status status) {

    public static final String API_VERSION = "eventing.quiver.dev/v1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String name, Map<String, String> labels) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(
            String broker,
            Filter filter,
            List<Object> filters,
            Subscriber subscriber,
            Delivery delivery,
            String ordering) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(Map<String, String> attributes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscriber(String uri, String function) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(
            Integer retry,
            String backoffPolicy,
            String backoffDelay,
            String timeout,
            String retryAfterMax,
            Sink deadLetterSink) {}

    /** {@code uri: http://...} or {@code uri: kafka:TOPIC}. */
    public record Sink(String uri) {}

    /** {@code reason}: why it is not ready (a failed dispatcher being restarted); null when ready. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(boolean ready, String subscriberUri, String topic, String consumerGroup, String reason) {}

    public TriggerResource withStatus(Status newStatus) {
        return new TriggerResource(apiVersion, kind, metadata, spec, newStatus);
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The shared contract record; for a trigger that passed {@link TriggerParser} (its filters are valid). */
    public TriggerDocument toDocument() {
        return JSON.convertValue(this, TriggerDocument.class);
    }

    /** The broker's reading of a shared contract record. */
    public static TriggerResource from(TriggerDocument document) {
        return JSON.convertValue(document, TriggerResource.class);
    }
}
