package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.delivery.DeadLetterSink;
import dev.quiver.broker.delivery.DeliverySpec;
import dev.quiver.broker.delivery.DeliverySpecParser;
import dev.quiver.broker.filter.EventFilter;
import dev.quiver.broker.filter.FilterParser;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates a {@link TriggerResource} into a {@link Trigger}. Pure: the settings come in as an argument. */
public final class TriggerParser {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private TriggerParser() {}

    /** Validates the shared contract record (what {@code BrokerAdminClient} sends). */
    public static Trigger parse(TriggerDocument document, BrokerSettings settings) {
        return parse(document == null ? null : TriggerResource.from(document), settings);
    }

    public static Trigger parse(TriggerResource r, BrokerSettings settings) {
        if (r == null || r.spec() == null) {
            throw new InvalidTriggerException("spec: required");
        }
        if (r.kind() != null && !"Trigger".equals(r.kind())) {
            throw new InvalidTriggerException("kind: must be Trigger, got '" + r.kind() + "'");
        }
        String name = r.metadata() == null ? null : r.metadata().name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidTriggerException(
                    "metadata.name: must be a DNS label (lowercase letters, digits, '-')," + " got '" + name + "'");
        }
        TriggerResource.Spec spec = r.spec();
        String broker = spec.broker() == null ? "default" : spec.broker();
        if (!settings.brokers().contains(broker)) {
            throw new InvalidTriggerException(
                    "spec.broker: unknown broker '" + broker + "', known: " + settings.brokers());
        }
        EventFilter filter;
        try {
            filter = FilterParser.parse(
                    spec.filter() == null ? null : spec.filter().attributes(), spec.filters());
        } catch (IllegalArgumentException e) {
            throw new InvalidTriggerException(e.getMessage());
        }
        URI subscriber = subscriber(spec.subscriber(), settings);
        DeliverySpec delivery = delivery(spec.delivery(), settings);
        if (spec.delivery() != null) {
            delivery.deadLetterSink().ifPresent(sink -> deadLetterTopicAllowed(sink, settings));
        }
        String ordering = spec.ordering() == null ? "unordered" : spec.ordering();
        if (!ordering.equals("ordered") && !ordering.equals("unordered")) {
            throw new InvalidTriggerException("spec.ordering: must be ordered or unordered, got '" + ordering + "'");
        }
        TriggerResource normalized =
                new TriggerResource(TriggerResource.API_VERSION, "Trigger", r.metadata(), spec, null);
        return new Trigger(name, broker, filter, subscriber, delivery, ordering.equals("ordered"), normalized);
    }

    private static URI subscriber(TriggerResource.Subscriber s, BrokerSettings settings) {
        if (s == null || (s.uri() == null) == (s.function() == null)) {
            throw new InvalidTriggerException("spec.subscriber: needs exactly one of uri or function");
        }
        String uri = s.uri() != null ? s.uri() : settings.functionUrlTemplate().replace("{name}", s.function());
        try {
            URI parsed = URI.create(uri);
            if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                    || parsed.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new InvalidTriggerException("spec.subscriber: '" + uri + "' is not an http(s) URL");
        }
    }

    /**
     * A trigger's delivery replaces the broker default whole; fields it leaves out take the built-in defaults, but
     * the attempt timeout the broker's (quiver.broker.delivery.timeout, longer than the activator's longest wait).
     */
    private static DeliverySpec delivery(TriggerResource.Delivery d, BrokerSettings settings) {
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
                    Optional.ofNullable(d.deadLetterSink()).map(TriggerResource.Sink::uri));
        } catch (IllegalArgumentException e) {
            throw new InvalidTriggerException(e.getMessage());
        }
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
