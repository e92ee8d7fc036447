package dev.quiver.api.trigger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quiver.api.eventing.Condition;
import dev.quiver.api.eventing.Destination;
import dev.quiver.api.eventing.Destination.KReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trigger as the broker's admin API ({@code /admin/v1/triggers}) takes and answers it, in either of two shapes read
 * by this one record (docs/eventing.md):
 * <pre>
 * apiVersion: eventing.quiver.dev/v1               # Quiver's shape
 * kind: Trigger
 * metadata: {name: orders}
 * spec:
 *   broker: default
 *   filters: [{prefix: {type: com.example.order.}}]
 *   subscriber: {uri: http://localhost:8081/}     # or {function: hello}
 *   ordering: unordered                           # or ordered
 *   delivery: {retry: 3, backoffPolicy: exponential, backoffDelay: PT0.2S, timeout: PT5S,
 *              deadLetterSink: {uri: kafka:quiver-dlq-orders}}
 * ---
 * apiVersion: eventing.knative.dev/v1              # Knative's shape
 * kind: Trigger
 * metadata:
 *   name: orders
 *   annotations: {kafka.eventing.knative.dev/delivery.order: ordered}
 * spec:
 *   broker: default
 *   filter: {attributes: {type: dev.knative.foo}}
 *   subscriber: {ref: {apiVersion: v1, kind: Service, name: display}, uri: /events}
 *   delivery: {retry: 3, deadLetterSink: {ref: {apiVersion: v1, kind: Service, name: dlq}}}
 * status: {ready: true, subscriberUri: ..., topic: ..., consumerGroup: ..., conditions: [{type: Ready, status: "True"}]}
 * </pre>
 * {@code apiVersion} is kept as given, so a trigger is written back in the shape it came in. The broker validates it
 * (cesql syntax, durations, names) and answers 400 naming the field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriggerDocument(String apiVersion, String kind, Metadata metadata, Spec spec, Status status) {
    public static final String API_VERSION = "eventing.quiver.dev/v1";
    public static final String KNATIVE_API_VERSION = "eventing.knative.dev/v1";
    public static final String KIND = "Trigger";
    /** Knative's Kafka broker's per-trigger ordering ({@code ordered}|{@code unordered}). */
    public static final String DELIVERY_ORDER_ANNOTATION = "kafka.eventing.knative.dev/delivery.order";

    /** A document to send: {@code apiVersion} and {@code kind} set, no status. */
    public static TriggerDocument of(String name, Spec spec) {
        return new TriggerDocument(API_VERSION, KIND, new Metadata(name, null), spec, null);
    }

    /** The trigger's name ({@code metadata.name}), null when missing. */
    public String name() {
        return metadata == null ? null : metadata.name();
    }

    /** Whether it is written in Knative's shape ({@code eventing.knative.dev/v1}). */
    @JsonIgnore
    public boolean isKnative() {
        return KNATIVE_API_VERSION.equals(apiVersion);
    }

    /**
     * {@code spec.ordering}, else Knative's {@value #DELIVERY_ORDER_ANNOTATION} annotation, else null (the broker's
     * default, unordered).
     */
    public String ordering() {
        if (spec != null && spec.ordering() != null) {
            return spec.ordering();
        }
        return metadata == null || metadata.annotations() == null
                ? null
                : metadata.annotations().get(DELIVERY_ORDER_ANNOTATION);
    }

    /** Whether {@code other} asks for the same trigger: same name, labels and spec (status and apiVersion aside). */
    public boolean sameTriggerAs(TriggerDocument other) {
        return other != null && Objects.equals(metadata, other.metadata) && Objects.equals(spec, other.spec);
    }

    public TriggerDocument withStatus(Status newStatus) {
        return new TriggerDocument(apiVersion, kind, metadata, spec, newStatus);
    }

    public TriggerDocument withSpec(Spec newSpec) {
        return new TriggerDocument(apiVersion, kind, metadata, newSpec, status);
    }

    /**
     * @param namespace   kept as given (Kubernetes); the broker ignores it
     * @param annotations Knative's delivery-order annotation is read, the rest kept
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
        public Metadata {
            labels = labels == null || labels.isEmpty() ? null : Map.copyOf(labels);
            annotations = annotations == null || annotations.isEmpty() ? null : Map.copyOf(annotations);
        }

        public Metadata(String name, Map<String, String> labels) {
            this(name, null, labels, null);
        }
    }

    /**
     * @param broker  the broker it reads from; the broker takes {@code default} when null
     * @param filter  the legacy attribute filter, ignored when {@code filters} is not empty
     * @param filters all must match; see {@link Filter}
     * @param ordering {@code ordered} or {@code unordered} (the broker's default); Knative writes the annotation
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

        public Spec withSubscriber(Subscriber s) {
            return new Spec(broker, filter, filters, s, delivery, ordering);
        }
    }

    /** {@code filter: {attributes: {type: x, region: ""}}}: every listed attribute equal ("" = present). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LegacyFilter(Map<String, String> attributes) {}

    /**
     * Knative's {@link Destination} ({@code ref}, {@code uri}, or both: the URI relative to the ref's address) plus
     * Quiver's {@code function} shortcut, which is {@code ref: {kind: Function, name: ...}}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subscriber(KReference ref, String uri, String function) {
        public static final String FUNCTION_KIND = "Function";

        public Subscriber(String uri, String function) {
            this(null, uri, function);
        }

        public static Subscriber uri(String uri) {
            return new Subscriber(null, uri, null);
        }

        public static Subscriber of(Destination d) {
            return new Subscriber(d.ref(), d.uri(), null);
        }

        /** The subscriber as a Knative destination ({@code function: f} is a reference of kind Function). */
        public Destination destination() {
            return function != null
                    ? new Destination(new KReference(null, FUNCTION_KIND, function, null), uri)
                    : new Destination(ref, uri);
        }
    }

    /**
     * Replaces the broker's default delivery whole; fields left out take the built-in defaults (retry 0,
     * exponential, PT0.2S, PT30S per attempt, Retry-After honoured up to PT60S). {@code deadLetterSink}: a
     * {@link Destination}; the broker takes {@code uri: http(s)://...} and {@code uri: kafka:TOPIC}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(
            Integer retry,
            String backoffPolicy,
            String backoffDelay,
            String timeout,
            String retryAfterMax,
            Destination deadLetterSink) {}

    /**
     * What the broker answers about a live trigger; {@code reason} says why it is not ready (null when ready).
     * {@code conditions} is Knative's shape of the same ({@code Ready} True/False with reason and message), filled in
     * from {@code ready} and {@code reason} when not given.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(
            boolean ready,
            String subscriberUri,
            String topic,
            String consumerGroup,
            String reason,
            List<Condition> conditions) {
        public Status {
            conditions = conditions == null || conditions.isEmpty()
                    ? Condition.ready(ready, reason == null ? null : "DispatcherNotReady", reason)
                    : List.copyOf(conditions);
        }

        public Status(boolean ready, String subscriberUri, String topic, String consumerGroup, String reason) {
            this(ready, subscriberUri, topic, consumerGroup, reason, null);
        }

        public Status(boolean ready, String subscriberUri, String topic, String consumerGroup) {
            this(ready, subscriberUri, topic, consumerGroup, null, null);
        }
    }
}
