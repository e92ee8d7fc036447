package dev.quiver.api.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trigger as the broker's admin API ({@code /admin/v1/triggers}) takes and answers it; the same shape as the
 * Kubernetes {@code Trigger} resource (docs/eventing.md):
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
 * status: {ready: true, subscriberUri: ..., topic: ..., consumerGroup: ...}   # in answers only
 * </pre>
 * The broker validates it (cesql syntax, durations, names) and answers 400 naming the field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriggerDocument(String apiVersion, String kind, Metadata metadata, Spec spec, Status status) {
    public static final String API_VERSION = "eventing.quiver.dev/v1";
    public static final String KIND = "Trigger";

    /** A document to send: {@code apiVersion} and {@code kind} set, no status. */
    public static TriggerDocument of(String name, Spec spec) {
        return new TriggerDocument(API_VERSION, KIND, new Metadata(name, null), spec, null);
    }

    /** The trigger's name ({@code metadata.name}), null when missing. */
    public String name() {
        return metadata == null ? null : metadata.name();
    }

    /** Whether {@code other} asks for the same trigger: same name, labels and spec (status and apiVersion aside). */
    public boolean sameTriggerAs(TriggerDocument other) {
        return other != null && Objects.equals(metadata, other.metadata) && Objects.equals(spec, other.spec);
    }

    public TriggerDocument withStatus(Status newStatus) {
        return new TriggerDocument(apiVersion, kind, metadata, spec, newStatus);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String name, Map<String, String> labels) {
        public Metadata {
            labels = labels == null || labels.isEmpty() ? null : Map.copyOf(labels);
        }
    }

    /**
     * @param broker  the broker it reads from; the broker takes {@code default} when null
     * @param filter  the legacy attribute filter, ignored when {@code filters} is not empty
     * @param filters all must match; see {@link Filter}
     * @param ordering {@code ordered} or {@code unordered} (the broker's default)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(
            String broker,
            LegacyFilter filter,
            List<Filter> filters,
            Subscriber subscriber,
            Delivery delivery,
            String ordering) {
        public Spec {
            filters = filters == null || filters.isEmpty() ? null : List.copyOf(filters);
        }

        /** Broker, filters and subscriber URI; the rest left to the broker's defaults. */
        public static Spec of(String broker, List<Filter> filters, String subscriberUri) {
            return new Spec(broker, null, filters, Subscriber.uri(subscriberUri), null, null);
        }

        public Spec withDelivery(Delivery d) {
            return new Spec(broker, filter, filters, subscriber, d, ordering);
        }

        public Spec withOrdering(String o) {
            return new Spec(broker, filter, filters, subscriber, delivery, o);
        }
    }

    /** {@code filter: {attributes: {type: x, region: ""}}}: every listed attribute equal ("" = present). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LegacyFilter(Map<String, String> attributes) {}

    /** Exactly one of {@code uri} (an absolute http(s) URL) and {@code function} (the broker resolves it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscriber(String uri, String function) {
        public static Subscriber uri(String uri) {
            return new Subscriber(uri, null);
        }
    }

    /**
     * Replaces the broker's default delivery whole; fields left out take the built-in defaults (retry 0,
     * exponential, PT0.2S, PT30S per attempt, Retry-After honoured up to PT60S).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(
            Integer retry,
            String backoffPolicy,
            String backoffDelay,
            String timeout,
            String retryAfterMax,
            Sink deadLetterSink) {}

    /** {@code uri: http://...} or {@code uri: kafka:TOPIC}. */
    public record Sink(String uri) {}

    /** What the broker answers about a live trigger; {@code reason} says why it is not ready (null when ready). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(boolean ready, String subscriberUri, String topic, String consumerGroup, String reason) {
        public Status(boolean ready, String subscriberUri, String topic, String consumerGroup) {
            this(ready, subscriberUri, topic, consumerGroup, null);
        }
    }
}
