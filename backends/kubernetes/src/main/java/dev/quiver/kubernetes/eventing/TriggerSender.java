package dev.quiver.kubernetes.eventing;

import dev.quiver.api.trigger.BrokerAdminException;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.kubernetes.resource.Broker;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Sends a trigger document to the broker, for a Trigger resource and for a Function's {@code triggers.broker} alike:
 * only when its broker has a Broker resource in the namespace (else {@code BrokerNotFound}); applying is idempotent
 * (the shared client: an unchanged trigger is left alone). The outcome is a value the caller turns into conditions.
 */
public final class TriggerSender {
    private final KubernetesClient client;
    private final BrokerAdmin broker;

    public TriggerSender(KubernetesClient client, BrokerAdmin broker) {
        this.client = client;
        this.broker = broker;
    }

    /**
     * @param configured the broker runs the trigger
     * @param failed     the trigger itself is wrong (no Broker resource, or the broker's 400): retrying will not help
     * @param reason     {@code Configured}, {@code BrokerNotFound}, {@code InvalidSpec} or {@code BrokerUnavailable}
     */
    public record Outcome(boolean configured, boolean failed, String reason, String message) {}

    /** @param namespace where the Broker resources are */
    public Outcome send(TriggerDocument doc, String namespace) throws InterruptedException {
        String brokerName = doc.spec().broker();
        if (client.resources(Broker.class)
                        .inNamespace(namespace)
                        .withName(brokerName)
                        .get()
                == null) {
            return new Outcome(
                    false,
                    true,
                    "BrokerNotFound",
                    "spec.broker: no Broker resource '" + brokerName + "' in namespace " + namespace
                            + " (create one; deploy/examples/broker-and-trigger.yaml)");
        }
        try {
            broker.apply(doc);
            return new Outcome(true, false, "Configured", "broker " + brokerName);
        } catch (BrokerAdminException e) {
            return e.invalid()
                    ? new Outcome(false, true, "InvalidSpec", e.error())
                    : new Outcome(false, false, "BrokerUnavailable", e.getMessage());
        }
    }

    /** @return false when the broker had no such trigger */
    public boolean delete(String name) throws InterruptedException {
        return broker.delete(name);
    }
}
