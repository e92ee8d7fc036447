package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.delivery.DeliverySpec;
import dev.quiver.broker.filter.EventFilter;
import java.net.URI;

/**
 * A validated trigger: which events of which broker go where, and how; {@code document} is the trigger as given
 * (Quiver's or Knative's shape), without status.
 */
public record Trigger(
        String name,
        String broker,
        EventFilter filter,
        URI subscriber,
        DeliverySpec delivery,
        boolean ordered,
        TriggerDocument document) {

    public String consumerGroup() {
        return "quiver-trigger-" + broker + "-" + name;
    }
}
