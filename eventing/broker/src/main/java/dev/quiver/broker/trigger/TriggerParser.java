package dev.quiver.broker.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.delivery.DeadLetterSink;
import dev.quiver.broker.delivery.DeliverySpec;
import dev.quiver.broker.delivery.DeliverySpecParser;
import dev.quiver.broker.filter.EventFilter;
import dev.quiver.broker.filter.FilterParser;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a {@link TriggerDocument} into a {@link Trigger}. Pure: the settings come in as an argument. */
public final class TriggerParser {

    private static final Set<String> API_VERSIONS =
            Set.of(TriggerDocument.API_VERSION, TriggerDocument.KNATIVE_API_VERSION);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private TriggerParser() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates a trigger document, Quiver's or Knative's shape (what {@code BrokerAdminClient} sends). */
    public static Trigger parse(TriggerDocument r, BrokerSettings settings) {
        return parse(r, settings, BrokerLookup.configured(settings));
    }

    /** As {@link #parse(TriggerDocument, BrokerSettings)}, against the live brokers and their delivery. */
    public static Trigger parse(TriggerDocument r, BrokerSettings settings, BrokerLookup brokers) {
        if (r == null || r.spec() == null) {
            throw new InvalidTriggerException("spec: required");
        }
        if (r.kind() != null && !TriggerDocument.KIND.equals(r.kind())) {
            throw new InvalidTriggerException("kind: must be Trigger, got '" + r.kind() + "'");
        }
        if (r.apiVersion() != null && !API_VERSIONS.contains(r.apiVersion())) {
            throw new InvalidTriggerException(
                    "apiVersion: must be one of " + API_VERSIONS + ", got '" + r.apiVersion() + "'");
        }
        String name = r.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidTriggerException(
                    "metadata.name: must be a DNS label (lowercase letters, digits, '-')," + " got '" + name + "'");
        }
        TriggerDocument.Spec spec = r.spec();
        String broker = spec.broker() == null ? "default" : spec.broker();
        if (!brokers.names().contains(broker)) {
            throw new InvalidTriggerException(
                    "spec.broker: unknown broker '" + broker + "', known: " + new java.util.TreeSet<>(brokers.names()));
        }
        EventFilter filter;
        try {
            filter = FilterParser.parse(
                    spec.filter() == null ? null : spec.filter().attributes(),
                    spec.filters() == null ? null : JSON.convertValue(spec.filters(), List.class));
        } catch (IllegalArgumentException e) {
            throw new InvalidTriggerException(e.getMessage());
        }
        URI subscriber = subscriber(spec.subscriber(), settings);
        TriggerDocument.Delivery given = spec.delivery() != null
                ? spec.delivery()
                : brokers.delivery(broker).orElse(null);
        DeliverySpec delivery = delivery(given, settings);
        if (given != null) {
            delivery.deadLetterSink().ifPresent(sink -> deadLetterTopicAllowed(sink, settings));
        }
        String ordering = r.ordering() == null ? "unordered" : r.ordering();
        if (!ordering.equals("ordered") && !ordering.equals("unordered")) {
            String field = spec.ordering() != null
                    ? "spec.ordering"
                    : "metadata.annotations." + TriggerDocument.DELIVERY_ORDER_ANNOTATION;
            throw new InvalidTriggerException(field + ": must be ordered or unordered, got '" + ordering + "'");
        }
        TriggerDocument normalized = new TriggerDocument(
                r.apiVersion() == null ? TriggerDocument.API_VERSION : r.apiVersion(),
                TriggerDocument.KIND,
                r.metadata(),
                spec,
                null);
        return new Trigger(name, broker, filter, subscriber, delivery, ordering.equals("ordered"), normalized);
    }

    private static URI subscriber(TriggerDocument.Subscriber s, BrokerSettings settings) {
        if (s != null && s.function() != null && s.ref() != null) {
            throw new InvalidTriggerException("spec.subscriber: give ref or function, not both");
        }
        if (s != null && s.function() != null && s.uri() != null) {
            throw new InvalidTriggerException("spec.subscriber: needs exactly one of uri or function");
        }
        return URI.create(BrokerDestinations.resolve(
                "spec.subscriber", s == null ? null : s.destination(), settings.functionUrlTemplate(), false));
    }

    /**
     * A trigger's delivery replaces the broker default whole; fields it leaves out take the built-in defaults, but
     * the attempt timeout the broker's (quiver.broker.delivery.timeout, longer than the activator's longest wait).
     */
    private static DeliverySpec delivery(TriggerDocument.Delivery d, BrokerSettings settings) {
        if (d == null) {
            return settings.delivery();
        }
        try {
            return DeliverySpecParser.parse(
                    "spec.delivery.",
                    d.retry() == null ? 0 : d.retry(),
                    or(d.backoffPolicy(), "exponential"),
                    or(d.backoffDelay(), "PT0.2S"),
                    or(d.timeout(), settings.delivery().timeout().toString()),
                    or(d.retryAfterMax(), "PT60S"),
                    Optional.ofNullable(d.deadLetterSink())
                            .map(sink -> BrokerDestinations.resolve(
                                    "spec.delivery.deadLetterSink", sink, settings.functionUrlTemplate(), true)));
        } catch (IllegalArgumentException e) {
            throw new InvalidTriggerException(e.getMessage());
        }
    }

    /** Checks a Broker's {@code spec.delivery} with a trigger's rules and messages. */
    static void checkDelivery(TriggerDocument.Delivery d, BrokerSettings settings) {
        delivery(d, settings).deadLetterSink().ifPresent(sink -> deadLetterTopicAllowed(sink, settings));
    }

    /** A trigger may only dead-letter into topics of the configured prefix, never into a function's own input. */
    private static void deadLetterTopicAllowed(DeadLetterSink sink, BrokerSettings settings) {
        if (sink instanceof DeadLetterSink.KafkaTopic t && !t.topic().startsWith(settings.deadLetterTopicPrefix())) {
            throw new InvalidTriggerException("spec.delivery.deadLetterSink.uri: a kafka: sink must name a topic"
                    + " starting with '" + settings.deadLetterTopicPrefix()
                    + "' (quiver.broker.dead-letter.kafka-topic-prefix), got '" + sink.describe() + "'");
        }
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
