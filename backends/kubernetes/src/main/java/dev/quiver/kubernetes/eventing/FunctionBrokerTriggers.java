package dev.quiver.kubernetes.eventing;

import dev.quiver.api.trigger.BrokerAdminException;
import dev.quiver.api.trigger.FunctionTriggerName;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.kubernetes.controller.Conditions.Wanted;
import dev.quiver.kubernetes.controller.FunctionTriggers;
import dev.quiver.kubernetes.model.FunctionModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * A Function's {@code triggers.broker} as the broker trigger {@code fn-<function>} ({@link FunctionTriggerName}),
 * as the local platform makes it: the document comes from {@link TriggerMapping} (the subscriber is the function's
 * public address, as for a Trigger with {@code subscriber.function}) and is sent by the same {@link TriggerSender}
 * (idempotent: an unchanged trigger is left alone). A function without one has its trigger removed once: when it
 * loses it, and on the first sight after the controller started (it may have lost it meanwhile).
 */
public final class FunctionBrokerTriggers implements FunctionTriggers {
    private static final Logger LOG = Logger.getLogger(FunctionBrokerTriggers.class);

    private final TriggerSender sender;
    private final String brokerNamespace;
    /** Per {@code namespace/function}: whether the broker may hold its trigger (absent: not known yet). */
    private final Map<String, Boolean> made = new ConcurrentHashMap<>();

    /** @param brokerNamespace where the Broker resources are (the controller's namespace) */
    public FunctionBrokerTriggers(TriggerSender sender, String brokerNamespace) {
        this.sender = sender;
        this.brokerNamespace = brokerNamespace;
    }

    @Override
    public List<Wanted> sync(FunctionModel f) {
        String key = f.namespace() + "/" + f.name();
        if (f.broker().isEmpty()) {
            if (!Boolean.FALSE.equals(made.get(key)) && delete(f.namespace(), f.name())) {
                made.put(key, false);
            }
            return List.of();
        }
        TriggerDocument doc =
                TriggerMapping.of(f.namespace(), f.name(), f.broker().get());
        try {
            TriggerSender.Outcome o = sender.send(doc, brokerNamespace);
            made.put(key, true);
            String message = o.configured()
                    ? "trigger " + doc.name() + " on broker " + doc.spec().broker() + " delivers to "
                            + doc.spec().subscriber().uri()
                    : o.message();
            return List.of(new Wanted(BROKER_TRIGGER, o.configured(), o.reason(), message));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @Override
    public void remove(String namespace, String function) {
        if (delete(namespace, function)) {
            made.remove(namespace + "/" + function);
        }
    }

    /** @return false when the broker did not answer (retried at the next reconcile) */
    private boolean delete(String namespace, String function) {
        String name = FunctionTriggerName.of(function);
        try {
            if (sender.delete(name)) {
                LOG.infof("Function %s/%s: broker trigger %s removed", namespace, function, name);
            }
            return true;
        } catch (BrokerAdminException e) {
            LOG.warnf("Function %s/%s: broker trigger %s not removed: %s", namespace, function, name, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
