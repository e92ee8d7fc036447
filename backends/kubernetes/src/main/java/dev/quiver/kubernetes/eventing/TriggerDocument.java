package dev.quiver.kubernetes.eventing;

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
 * A {@link Trigger} resource as the broker's trigger admin API takes it (docs/eventing.md): the same keys, with the
 * subscriber resolved to a URI. Filters and delivery are passed through; the broker validates them (cesql syntax,
 * durations) and answers 400 naming the field.
 *
 * @param name      the trigger's name in the broker: {@code <namespace>.<name>} would not be a DNS label, so the
 *                  resource's name is used as is (one namespace per broker Deployment)
 * @param broker    the broker it reads from
 * @param document  the JSON body for {@code POST /admin/v1/triggers}
 * @param subscriber the resolved subscriber URI
 */
public record TriggerDocument(String name, String broker, Map<String, Object> document, String subscriber) {

    public static TriggerDocument of(Trigger t) {
        List<Violation> errors = new ArrayList<>();
        TriggerSpec spec = t.getSpec();
        if (spec == null || spec.getSubscriber() == null) {
            throw new SpecException(List.of(new Violation("spec.subscriber", "is required (function or uri)", null)));
        }
        String fn = spec.getSubscriber().getFunction();
        String uri = spec.getSubscriber().getUri();
        if ((fn == null) == (uri == null)) {
            errors.add(new Violation("spec.subscriber", "must name exactly one of function, uri",
                    fn == null ? null : fn + ", " + uri));
        } else if (uri != null && !absoluteHttp(uri)) {
            errors.add(new Violation("spec.subscriber.uri", "must be an absolute http(s) URI", uri));
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        String resolved = fn != null ? Names.url(fn, t.getMetadata().getNamespace()) + "/" : uri;
        String broker = spec.getBroker() == null ? "default" : spec.getBroker();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("broker", broker);
        if (spec.getFilters() != null) {
            s.put("filters", spec.getFilters());
        }
        if (spec.getFilter() != null) {
            s.put("filter", spec.getFilter());
        }
        s.put("subscriber", Map.of("uri", resolved));
        if (spec.getOrdering() != null) {
            s.put("ordering", spec.getOrdering());
        }
        if (spec.getDelivery() != null) {
            s.put("delivery", spec.getDelivery());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("metadata", Map.of("name", t.getMetadata().getName()));
        doc.put("spec", s);
        return new TriggerDocument(t.getMetadata().getName(), broker, doc, resolved);
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
