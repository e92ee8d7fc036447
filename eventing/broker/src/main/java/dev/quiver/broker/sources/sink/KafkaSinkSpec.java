package dev.quiver.broker.sources.sink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.broker.sources.InvalidSourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A KafkaSink's spec ({@code eventing.knative.dev/v1alpha1}): the topic, the Kafka cluster (default: the broker's)
 * and how events are written ({@code binary}: {@code ce_} headers, the default; {@code structured}: a JSON event
 * as the value). The {@code partitionkey} extension becomes the record key, as in Knative.
 */
public record KafkaSinkSpec(String topic, String bootstrapServers, boolean structured) {

    public static KafkaSinkSpec parse(JsonNode spec, String defaultBootstrap) {
        String topic = spec.path("topic").asText("");
        if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new InvalidSourceException(
                    "spec.topic: must be a Kafka topic name (letters, digits, '.', '_', '-'), got '" + topic + "'");
        }
        String mode = spec.path("contentMode").asText("binary").toLowerCase(Locale.ROOT);
        if (!mode.equals("binary") && !mode.equals("structured")) {
            throw new InvalidSourceException("spec.contentMode: must be binary or structured, got '" + mode + "'");
        }
        return new KafkaSinkSpec(
                topic,
                bootstrap("spec.bootstrapServers", spec.path("bootstrapServers"), defaultBootstrap),
                mode.equals("structured"));
    }

    /** A list of {@code host:port} (or one comma-separated string), as Knative writes it; empty = the default. */
    public static String bootstrap(String field, JsonNode node, String defaultBootstrap) {
        List<String> servers = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> servers.add(n.asText()));
        } else if (node.isTextual()) {
            servers.addAll(List.of(node.asText().split(",")));
        } else if (!node.isMissingNode() && !node.isNull()) {
            throw new InvalidSourceException(field + ": must be a list of host:port");
        }
        List<String> clean =
                servers.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String s : clean) {
            if (!s.matches("[^\\s:/]+:\\d{1,5}")) {
                throw new InvalidSourceException(field + ": '" + s + "' is not host:port");
            }
        }
        return clean.isEmpty() ? defaultBootstrap : String.join(",", clean);
    }
}
