package dev.quiver.kubernetes.eventing;

import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.BrokerAdminException;
import dev.quiver.api.trigger.TriggerDocument;
import java.net.URI;
import java.time.Duration;

/**
 * The broker of this controller: the shared {@link BrokerAdminClient} (api) at the broker's URL. Applying is
 * idempotent: an unchanged trigger is left alone (its dispatcher keeps running), a changed one is replaced.
 */
public final class BrokerAdmin {
    private final BrokerAdminClient client;

    /** @param base e.g. {@code http://quiver-broker.quiver.svc.cluster.local} */
    public BrokerAdmin(URI base, Duration timeout) {
        this.client = new BrokerAdminClient(base, timeout);
    }

    /** @throws BrokerAdminException naming the broker, the status and the broker's message */
    public BrokerAdminClient.Applied apply(TriggerDocument t) throws InterruptedException {
        return client.apply(t);
    }

    /** The shared client, for the other admin routes ({@code brokers}, sources). */
    public BrokerAdminClient client() {
        return client;
    }

    /** @return false when the broker had no such trigger */
    public boolean delete(String name) throws InterruptedException {
        return client.delete(name);
    }
}
