package dev.quiver.broker.trigger;

import dev.quiver.api.eventing.Destination;
import dev.quiver.api.eventing.Destination.KReference;
import java.net.URI;
import java.util.Set;

/**
 * How the broker itself turns a Knative {@link Destination} into a URL: an absolute {@code uri} as it is; a
 * {@code ref} of kind {@code Function} (any {@code quiver.dev} version, or Quiver's {@code function:} shortcut),
 * {@code Service} ({@code v1}) or Knative {@code Service} ({@code serving.knative.dev/v1}) through the function URL
 * template ({@code quiver.broker.function-url-template}: locally the activator, which serves a function of that name);
 * with both, the {@code uri} relative to the ref's address. The platforms (the local control API, the Kubernetes
 * controller) resolve refs before they send a trigger; this is for documents posted to the broker directly. Pure.
 */
public final class BrokerDestinations {

    /** {@code kafka:TOPIC} is the broker's own dead-letter scheme, allowed where {@code kafkaAllowed}. */
    private static final Set<String> REF_KINDS = Set.of("Function", "Service");

    private BrokerDestinations() {}

    /**
     * @param path     the field for error messages, e.g. {@code spec.subscriber}
     * @param template the function URL template with {@code {name}}
     * @throws InvalidTriggerException naming the field and the reason
     */
    public static String resolve(String path, Destination d, String template, boolean kafkaAllowed) {
        if (d == null || d.isEmpty()) {
            throw new InvalidTriggerException(path + ": needs ref or uri (or function)");
        }
        if (d.ref() == null) {
            String uri = d.uri().trim();
            if (kafkaAllowed && uri.startsWith("kafka:")) {
                return uri;
            }
            return httpUrl(path + ".uri", uri).toString();
        }
        KReference ref = d.ref();
        if (ref.kind() == null
                || !REF_KINDS.contains(ref.kind())
                || ref.name() == null
                || ref.name().isBlank()) {
            throw new InvalidTriggerException(path + ".ref: the broker resolves kind Function or Service with a name,"
                    + " got kind '" + ref.kind() + "' name '" + ref.name()
                    + "'; give uri, or apply it through quiver deploy or the Kubernetes controller");
        }
        URI base = httpUrl(path + ".ref", template.replace("{name}", ref.name()));
        if (d.uri() == null || d.uri().isBlank()) {
            return base.toString();
        }
        return httpUrl(path + ".uri", relativeTo(base, d.uri().trim()).toString())
                .toString();
    }

    /** Knative's rule for ref + uri: the uri resolved against the ref's address (a directory-like base). */
    public static URI relativeTo(URI base, String uri) {
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b : b + "/").resolve(uri.startsWith("/") ? uri.substring(1) : uri);
    }

    private static URI httpUrl(String path, String value) {
        try {
            URI parsed = URI.create(value);
            if (("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) && parsed.getHost() != null) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidTriggerException(path + ": '" + value + "' is not an http(s) URL");
    }
}
