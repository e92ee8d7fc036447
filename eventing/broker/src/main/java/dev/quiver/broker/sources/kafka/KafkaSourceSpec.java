package dev.quiver.broker.sources.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.delivery.DeliverySpec;
import dev.quiver.broker.delivery.DeliverySpecParser;
import dev.quiver.broker.delivery.InvalidSettingException;
import dev.quiver.broker.sources.InvalidSourceException;
import dev.quiver.broker.sources.SinkTarget;
import dev.quiver.broker.sources.sink.KafkaSinkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A KafkaSource's spec ({@code sources.knative.dev/v1beta1}): {@code bootstrapServers} (default: the broker's
 * Kafka), {@code topics}, {@code consumerGroup} (default {@code knative-kafka-source-<ns>-<name>}),
 * {@code initialOffset} ({@code latest}, the default, or {@code earliest}), {@code ordering} ({@code ordered}, the
 * default: one event in flight per partition; {@code unordered}), {@code sink}, {@code delivery} (as a Trigger's:
 * retry, backoffPolicy, backoffDelay, timeout, deadLetterSink uri or a KafkaSink ref; default: the broker's).
 */
public record KafkaSourceSpec(
        String bootstrapServers,
        List<String> topics,
        String consumerGroup,
        String initialOffset,
        boolean ordered,
        SinkTarget sink,
        DeliverySpec delivery) {

    /** @param sinkTopic a KafkaSink's topic by name, for a dead-letter sink that references one */
    public static KafkaSourceSpec parse(
            JsonNode spec,
            String namespace,
            String name,
            BrokerSettings settings,
            java.util.function.Function<String, Optional<KafkaSinkSpec>> sinkTopic) {
        String bootstrap = KafkaSinkSpec.bootstrap(
                "spec.bootstrapServers", spec.path("bootstrapServers"), settings.bootstrapServers());
        List<String> topics = new ArrayList<>();
        JsonNode t = spec.path("topics");
        if (t.isArray()) {
            t.forEach(n -> topics.add(n.asText().trim()));
        } else if (t.isTextual()) {
            topics.addAll(List.of(t.asText().split(",")));
        }
        List<String> clean =
                topics.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (clean.isEmpty()) {
            throw new InvalidSourceException("spec.topics: at least one topic is required");
        }
        for (String topic : clean) {
            if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new InvalidSourceException("spec.topics: '" + topic + "' is not a Kafka topic name");
            }
        }
        String group = spec.path("consumerGroup").asText("");
        if (group.isBlank()) {
            group = "knative-kafka-source-" + namespace + "-" + name;
        }
        String offset = spec.path("initialOffset").asText("latest");
        if (!offset.equals("latest") && !offset.equals("earliest")) {
            throw new InvalidSourceException("spec.initialOffset: must be earliest or latest, got '" + offset + "'");
        }
        String ordering = spec.path("ordering").asText("ordered");
        if (!ordering.equals("ordered") && !ordering.equals("unordered")) {
            throw new InvalidSourceException("spec.ordering: must be ordered or unordered, got '" + ordering + "'");
        }
        return new KafkaSourceSpec(
                bootstrap,
                clean,
                group,
                offset,
                ordering.equals("ordered"),
                SinkTarget.parse("spec.sink", spec.get("sink")),
                delivery(spec.path("delivery"), settings, sinkTopic));
    }

    private static DeliverySpec delivery(
            JsonNode d,
            BrokerSettings settings,
            java.util.function.Function<String, Optional<KafkaSinkSpec>> sinkTopic) {
        if (d.isMissingNode() || d.isNull()) {
            return settings.delivery();
        }
        DeliverySpec defaults = settings.delivery();
        Optional<String> deadLetter = Optional.empty();
        JsonNode dls = d.path("deadLetterSink");
        if (!dls.isMissingNode() && !dls.isNull()) {
            SinkTarget target = SinkTarget.parse("spec.delivery.deadLetterSink", dls);
            if (target instanceof SinkTarget.Http h) {
                deadLetter = Optional.of(h.uri().toString());
            } else if (target instanceof SinkTarget.KafkaSink k) {
                KafkaSinkSpec sink = sinkTopic
                        .apply(k.name())
                        .filter(s -> s.bootstrapServers().equals(settings.bootstrapServers()))
                        .orElseThrow(() -> new InvalidSourceException("spec.delivery.deadLetterSink.ref: no KafkaSink '"
                                + k.name() + "' on the broker's Kafka (create it first)"));
                deadLetter = Optional.of("kafka:" + sink.topic());
            } else {
                throw new InvalidSourceException(
                        "spec.delivery.deadLetterSink.ref: a Broker is not a dead-letter sink here; give a uri or a"
                                + " KafkaSink");
            }
        }
        try {
            return DeliverySpecParser.parse(
                    "spec.delivery.",
                    d.path("retry").asInt(defaults.retry()),
                    d.path("backoffPolicy").asText(defaults.backoffPolicy().name()),
                    d.path("backoffDelay").asText(defaults.backoffDelay().toString()),
                    d.path("timeout").asText(defaults.timeout().toString()),
                    defaults.retryAfterMax().toString(),
                    deadLetter);
        } catch (InvalidSettingException e) {
            throw new InvalidSourceException(e.getMessage());
        }
    }
}
