package dev.quiver.kubernetes.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.api.eventing.Destination;
import dev.quiver.api.eventing.DestinationResolver;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a PingSource, KafkaSource or KafkaSink resource into the document the broker's admin API takes: the same
 * apiVersion, kind, metadata (name, namespace, labels) and spec, with {@code spec.sink} and
 * {@code spec.delivery.deadLetterSink} references the broker cannot resolve (Service, Function) replaced by their
 * {@code uri}. Broker and KafkaSink references stay: the broker resolves those itself. Pure but for the resolver.
 */
public final class BrokerDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BROKER_RESOLVES = Set.of("Broker", "KafkaSink");

    /** A sink reference that names nothing in the cluster: the resource's Ready=False reason and message. */
    public static final class Unresolved extends Exception {
        public Unresolved(String message) {
            super(message);
        }
    }

    private BrokerDocuments() {}

    public static ObjectNode of(JsonNode resource, DestinationResolver resolver) throws Unresolved {
        ObjectNode meta = JSON.createObjectNode();
        JsonNode m = resource.path("metadata");
        String namespace = m.path("namespace").asText("default");
        meta.put("name", m.path("name").asText());
        meta.put("namespace", namespace);
        if (m.has("labels")) {
            meta.set("labels", m.get("labels"));
        }
        ObjectNode spec = resource.path("spec").isObject()
                ? ((ObjectNode) resource.get("spec")).deepCopy()
                : JSON.createObjectNode();
        resolve(spec, "sink", "spec.sink", namespace, resolver);
        if (spec.path("delivery").isObject()) {
            resolve(
                    (ObjectNode) spec.get("delivery"),
                    "deadLetterSink",
                    "spec.delivery.deadLetterSink",
                    namespace,
                    resolver);
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("apiVersion", resource.path("apiVersion").asText());
        doc.put("kind", resource.path("kind").asText());
        doc.set("metadata", meta);
        doc.set("spec", spec);
        return doc;
    }

    private static void resolve(ObjectNode parent, String field, String path, String namespace, DestinationResolver r)
            throws Unresolved {
        JsonNode node = parent.get(field);
        if (node == null || !node.has("ref")) {
            return;
        }
        Destination d;
        try {
            d = JSON.treeToValue(node, Destination.class);
        } catch (Exception e) {
            return; // the broker reports the malformed field
        }
        if (d.ref() == null || BROKER_RESOLVES.contains(d.ref().kind())) {
            return;
        }
        Optional<URI> uri = r.resolve(d, namespace);
        if (uri.isEmpty()) {
            throw new Unresolved(
                    path + ".ref: no " + d.ref().kind() + " '" + d.ref().name() + "' in namespace "
                            + (d.ref().namespace() == null ? namespace : d.ref().namespace()));
        }
        ObjectNode resolved = JSON.createObjectNode();
        resolved.put("uri", uri.get().toString());
        parent.set(field, resolved);
    }
}
