package dev.quiver.local.eventing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The eventing documents the control API's deploy takes besides function specs, and the broker admin route each is
 * applied to ({@code /admin/v1/<plural>}).
 *
 * @param destinations the fields holding a Knative Destination, resolved locally before the document is applied
 */
public record EventingKind(String apiVersion, String kind, String plural, List<String> destinations) {

    private static final List<String> TRIGGER = List.of("spec.subscriber", "spec.delivery.deadLetterSink");
    private static final List<String> SOURCE = List.of("spec.sink", "spec.delivery.deadLetterSink");

    public static final List<EventingKind> ALL = List.of(
            new EventingKind("eventing.knative.dev/v1", "Broker", "brokers", List.of("spec.delivery.deadLetterSink")),
            new EventingKind("eventing.knative.dev/v1alpha1", "KafkaSink", "kafkasinks", List.of()),
            new EventingKind("eventing.knative.dev/v1", "Trigger", "triggers", TRIGGER),
            new EventingKind("eventing.quiver.dev/v1", "Trigger", "triggers", TRIGGER),
            new EventingKind("sources.knative.dev/v1", "PingSource", "pingsources", SOURCE),
            new EventingKind("sources.knative.dev/v1beta1", "KafkaSource", "kafkasources", SOURCE));

    /** The order objects are applied in on a resync: what others point at first. */
    public static final List<String> APPLY_ORDER =
            List.of("brokers", "kafkasinks", "triggers", "pingsources", "kafkasources");

    public static Optional<EventingKind> of(String apiVersion, String kind) {
        return ALL.stream()
                .filter(k -> k.apiVersion.equals(apiVersion) && k.kind.equals(kind))
                .findFirst();
    }

    /** By what a user types: {@code trigger}, {@code triggers}, {@code Broker}, {@code pingsource}... */
    public static Optional<String> plural(String kindOrPlural) {
        String k = kindOrPlural.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .map(EventingKind::plural)
                .filter(p -> p.equals(k) || p.equals(k + "s"))
                .findFirst();
    }

    /** Whether {@code apiVersion} belongs to an eventing group (a document the function reader must not get). */
    public static boolean isEventingGroup(String apiVersion) {
        return apiVersion != null
                && (apiVersion.startsWith("eventing.knative.dev/")
                        || apiVersion.startsWith("sources.knative.dev/")
                        || apiVersion.startsWith("eventing.quiver.dev/"));
    }
}
