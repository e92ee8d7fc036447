package dev.quiver.kubernetes.eventing;

import dev.quiver.api.function.FunctionDocument.BrokerTrigger;
import dev.quiver.api.trigger.DeliveryRules;
import dev.quiver.api.trigger.Filter;
import dev.quiver.api.trigger.FunctionTriggerName;
import dev.quiver.api.trigger.InvalidDocumentException;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.kubernetes.resource.Trigger;
import dev.quiver.kubernetes.resource.TriggerSpec;
import dev.quiver.kubernetes.workload.Names;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Trigger} resource as the shared {@link TriggerDocument} the broker's admin API takes (docs/eventing.md):
 * the same keys, with the subscriber resolved to the function's service URL. Filters and delivery are read with the
 * broker's dialects and rules ({@link Filter}, {@link DeliveryRules}); the broker checks the rest (cesql syntax) and
 * answers 400 naming the field. The trigger's name in the broker is the resource's name ({@code <namespace>.<name>}
 * would not be a DNS label; one namespace per broker Deployment).
 */
public final class TriggerMapping {

    private TriggerMapping() {}

    /** @throws SpecException naming each bad field under {@code spec.} */
    public static TriggerDocument of(Trigger t) {
        List<Violation> errors = new ArrayList<>();
        TriggerSpec spec = t.getSpec();
        if (spec == null || spec.getSubscriber() == null) {
            throw new SpecException(List.of(new Violation("spec.subscriber", "is required (function or uri)", null)));
        }
        String fn = spec.getSubscriber().getFunction();
        String uri = spec.getSubscriber().getUri();
        if ((fn == null) == (uri == null)) {
            errors.add(new Violation(
                    "spec.subscriber", "must name exactly one of function, uri", fn == null ? null : fn + ", " + uri));
        } else if (uri != null && !absoluteHttp(uri)) {
            errors.add(new Violation("spec.subscriber.uri", "must be an absolute http(s) URI", uri));
        }
        List<Filter> filters = List.of();
        try {
            filters = Filter.readAll("spec.filters", spec.getFilters());
        } catch (InvalidDocumentException e) {
            errors.add(violation(e));
        }
        TriggerDocument.LegacyFilter legacy = legacy(spec.getFilter(), errors);
        TriggerDocument.Delivery delivery = null;
        if (spec.getDelivery() != null) {
            List<InvalidDocumentException> bad = DeliveryRules.check("spec.delivery", spec.getDelivery());
            bad.forEach(e -> errors.add(violation(e)));
            delivery = bad.isEmpty() ? DeliveryRules.read(spec.getDelivery()) : null;
        }
        String ordering = spec.getOrdering();
        if (ordering != null && !ordering.equals("ordered") && !ordering.equals("unordered")) {
            errors.add(new Violation("spec.ordering", "must be ordered or unordered", ordering));
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        String resolved = fn != null ? functionSubscriber(t.getMetadata().getNamespace(), fn) : uri;
        String broker = spec.getBroker() == null ? "default" : spec.getBroker();
        return TriggerDocument.of(
                t.getMetadata().getName(),
                new TriggerDocument.Spec(
                        broker, legacy, filters, TriggerDocument.Subscriber.uri(resolved), delivery, ordering));
    }

    /**
     * A function's {@code triggers.broker} as the broker trigger {@link FunctionTriggerName#of fn-<function>}, with
     * the function's public address as subscriber, as a Trigger with {@code subscriber.function} has it.
     */
    public static TriggerDocument of(String namespace, String function, BrokerTrigger t) {
        TriggerDocument.Spec spec = TriggerDocument.Spec.of(
                        t.broker(), t.filters(), functionSubscriber(namespace, function))
                .withDelivery(t.delivery().orElse(null));
        return TriggerDocument.of(FunctionTriggerName.of(function), spec);
    }

    /** Where the broker delivers to a function: its public Service (to its pods, or through the activator). */
    static String functionSubscriber(String namespace, String function) {
        return Names.url(function, namespace) + "/";
    }

    /** {@code filter: {attributes: {type: x}}}, the legacy form. */
    private static TriggerDocument.LegacyFilter legacy(Map<String, Object> filter, List<Violation> errors) {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        if (filter.size() != 1 || !(filter.get("attributes") instanceof Map<?, ?> attributes)) {
            errors.add(new Violation("spec.filter", "must be {attributes: {name: value, ...}}", filter));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return new TriggerDocument.LegacyFilter(out);
    }

    private static Violation violation(InvalidDocumentException e) {
        return new Violation(e.key(), e.rule(), e.value());
    }

    private static boolean absoluteHttp(String uri) {
        try {
            URI u = URI.create(uri);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
