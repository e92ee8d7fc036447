package dev.quiver.kubernetes.eventing;

import dev.quiver.kubernetes.resource.Broker;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Broker informer events: any add, spec change, resync or delete reconciles the namespace's Brokers once on the
 * controller's thread (events arriving meanwhile are folded into one run); an add or delete also re-checks the
 * Triggers naming that broker.
 */
public final class BrokerEvents implements ResourceEventHandler<Broker> {
    private static final Logger LOG = Logger.getLogger(BrokerEvents.class);
    private final Executor loop;
    private final BrokerReconciler brokers;
    private final String namespace;
    private final Consumer<String> triggersOf;
    private final AtomicBoolean queued = new AtomicBoolean();

    /** @param triggersOf reconciles the Triggers naming a broker (given its name) */
    public BrokerEvents(Executor loop, BrokerReconciler brokers, String namespace, Consumer<String> triggersOf) {
        this.loop = loop;
        this.brokers = brokers;
        this.namespace = namespace;
        this.triggersOf = triggersOf;
    }

    @Override
    public void onAdd(Broker b) {
        reconcile(b.getMetadata().getName());
    }

    @Override
    public void onUpdate(Broker before, Broker after) {
        boolean statusOnly = Objects.equals(
                        before.getMetadata().getGeneration(),
                        after.getMetadata().getGeneration())
                && !Objects.equals(
                        before.getMetadata().getResourceVersion(),
                        after.getMetadata().getResourceVersion());
        if (!statusOnly) {
            reconcile(null);
        }
    }

    @Override
    public void onDelete(Broker b, boolean unknownFinalState) {
        reconcile(b.getMetadata().getName());
    }

    private void reconcile(String changedName) {
        if (queued.compareAndSet(false, true)) {
            loop.execute(() -> {
                queued.set(false);
                try {
                    brokers.reconcile(namespace);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Reconcile of the Brokers in %s failed; retried on the next resync", namespace);
                }
            });
        }
        if (changedName != null) {
            loop.execute(() -> triggersOf.accept(changedName));
        }
    }
}
