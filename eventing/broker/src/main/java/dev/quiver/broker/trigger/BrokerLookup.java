package dev.quiver.broker.trigger;

import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import java.util.Optional;
import java.util.Set;

/** Which brokers exist and their default delivery (Knative's Broker {@code spec.delivery}), as a trigger sees them. */
public interface BrokerLookup {

    /** The broker names, for messages. */
    Set<String> names();

    /** The broker's own delivery, applied to its triggers that set none; empty for the configured default. */
    Optional<TriggerDocument.Delivery> delivery(String broker);

    /** The brokers of {@code quiver.broker.brokers}, no per-broker delivery. */
    static BrokerLookup configured(BrokerSettings settings) {
        return new BrokerLookup() {
            @Override
            public Set<String> names() {
                return settings.brokers();
            }

            @Override
            public Optional<TriggerDocument.Delivery> delivery(String broker) {
                return Optional.empty();
            }
        };
    }
}
