package dev.quiver.broker.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.eventing.Destination;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a source sends its events, read from a Knative {@code sink} (a {@link Destination}): a URL, a Broker of
 * this broker process (published to its topic in-process) or a KafkaSink of this broker (written to its topic).
 * Other references (Service, Function, Knative Service) are resolved to a {@code uri} by the control plane before
 * the document reaches the broker.
 */
public sealed interface SinkTarget {

    record Http(URI uri) implements SinkTarget {}

    record Broker(String name) implements SinkTarget {}

    record KafkaSink(String name) implements SinkTarget {}

    /**
     * A reference the control plane should have resolved to a uri (a Service, a Function...): accepted as Knative
     * accepts it, the source stays not Ready ({@code SinkNotResolved}) until applied again with a uri.
     */
    record Unresolved(String kind, String name) implements SinkTarget {}

    ObjectMapper JSON = new ObjectMapper();

    /** @param field the field's path for messages, e.g. {@code spec.sink} */
    static SinkTarget parse(String field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidSourceException(field + ": required (ref or uri)");
        }
        Destination d;
        try {
            d = JSON.treeToValue(node, Destination.class);
        } catch (Exception e) {
            throw new InvalidSourceException(field + ": must be {ref: {...}} or {uri: ...}: " + e.getMessage());
        }
        if (d.isEmpty()) {
            throw new InvalidSourceException(field + ": needs ref or uri");
        }
        if (d.ref() == null) {
            return new Http(httpUri(field + ".uri", d.uri()));
        }
        Destination.KReference ref = d.ref();
        if (ref.name() == null || ref.name().isBlank()) {
            throw new InvalidSourceException(field + ".ref.name: required");
        }
        if (d.uri() != null && !d.uri().isBlank()) {
            throw new InvalidSourceException(
                    field + ": ref with a relative uri is not supported for " + ref.kind() + "; give the full uri");
        }
        return switch (String.valueOf(ref.kind())) {
            case "Broker" -> new Broker(ref.name());
            case "KafkaSink" -> new KafkaSink(ref.name());
            default -> new Unresolved(ref.kind(), ref.name());
        };
    }

    private static URI httpUri(String field, String value) {
        try {
            URI uri = new URI(value.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // below
        }
        throw new InvalidSourceException(field + ": must be an absolute http(s) URL, got '" + value + "'");
    }

    default String describe() {
        if (this instanceof Http h) {
            return h.uri().toString();
        }
        if (this instanceof Unresolved u) {
            return u.kind() + " " + u.name();
        }
        return this instanceof Broker b ? "broker " + b.name() : "kafkasink " + ((KafkaSink) this).name();
    }
}
