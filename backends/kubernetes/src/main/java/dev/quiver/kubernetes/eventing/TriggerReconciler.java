package dev.quiver.kubernetes.eventing;

import dev.quiver.kubernetes.controller.Conditions;
import dev.quiver.kubernetes.controller.Conditions.Wanted;
import dev.quiver.kubernetes.resource.Broker;
import dev.quiver.kubernetes.resource.Trigger;
import dev.quiver.kubernetes.resource.TriggerStatus;
import dev.quiver.scaler.spec.SpecException;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Configures the broker's dispatcher from a {@link Trigger}: validates it, resolves the subscriber, sends it to the
 * broker's admin API and reports the outcome as conditions (Failed names the field, from this check or from the
 * broker's 400 answer). A Trigger whose broker has no Broker resource in its namespace is not sent: Failed
 * {@code BrokerNotFound}.
 */
public final class TriggerReconciler {
    private final KubernetesClient client;
    private final BrokerAdmin broker;
    private final Clock clock;

    public TriggerReconciler(KubernetesClient client, BrokerAdmin broker, Clock clock) {
        this.client = client;
        this.broker = broker;
        this.clock = clock;
    }

    public void reconcile(Trigger t) {
        TriggerStatus s = new TriggerStatus();
        List<Wanted> wanted;
        try {
            TriggerDocument doc = TriggerDocument.of(t);
            s.setSubscriberUri(doc.subscriber());
            String ns = t.getMetadata().getNamespace();
            BrokerAdmin.Answer a = brokerExists(ns, doc.broker()) ? broker.apply(doc) : null;
            if (a == null) {
                wanted = failed("BrokerNotFound", "spec.broker: no Broker resource '" + doc.broker()
                        + "' in namespace " + ns + " (create one; deploy/examples/broker-and-trigger.yaml)");
            } else if (a.ok()) {
                wanted = List.of(new Wanted(Conditions.READY, true, "Configured", "broker " + doc.broker()),
                        new Wanted(Conditions.FAILED, false, "Valid", ""));
            } else if (a.status() == 400) {
                wanted = failed("InvalidSpec", a.body());
            } else {
                wanted = List.of(new Wanted(Conditions.READY, false, "BrokerUnavailable",
                        "broker answered " + a.status() + ": " + a.body()));
            }
        } catch (SpecException e) {
            wanted = failed("InvalidSpec", e.getMessage());
        } catch (IOException e) {
            wanted = List.of(new Wanted(Conditions.READY, false, "BrokerUnavailable", String.valueOf(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<io.fabric8.kubernetes.api.model.Condition> before = t.getStatus() == null ? List.of()
                : t.getStatus().getConditions();
        s.setObservedGeneration(t.getMetadata().getGeneration());
        s.setConditions(Conditions.set(before, wanted, clock.instant(), t.getMetadata().getGeneration()));
        Trigger patch = new Trigger();
        patch.setMetadata(new ObjectMetaBuilder().withName(t.getMetadata().getName())
                .withNamespace(t.getMetadata().getNamespace()).build());
        patch.setStatus(s);
        client.resources(Trigger.class).inNamespace(t.getMetadata().getNamespace()).resource(patch).patchStatus();
    }

    private boolean brokerExists(String namespace, String name) {
        return client.resources(Broker.class).inNamespace(namespace).withName(name).get() != null;
    }

    public void delete(Trigger t) throws IOException, InterruptedException {
        broker.delete(t.getMetadata().getName());
    }

    private static List<Wanted> failed(String reason, String message) {
        return List.of(new Wanted(Conditions.READY, false, reason, message),
                new Wanted(Conditions.FAILED, true, reason, message));
    }
}
