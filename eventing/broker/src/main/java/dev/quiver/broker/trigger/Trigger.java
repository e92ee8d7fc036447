package dev.quiver.broker.trigger;

import dev.quiver.broker.delivery.DeliverySpec;
import dev.quiver.broker.filter.EventFilter;
import java.net.URI;

/** A validated trigger: which events of which broker go where, and how. */
public record Trigger(
        String name,
        String broker,
        EventFilter filter,
        URI subscriber,
        DeliverySpec delivery,
        boolean ordered,
        TriggerResource resource) {

    public String consumerGroup() {
        return "quiver-trigger-" + broker + "-" + name;
    }
}
