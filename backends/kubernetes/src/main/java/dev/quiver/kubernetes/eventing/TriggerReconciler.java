package dev.quiver.kubernetes.eventing;

import dev.quiver.api.trigger.BrokerAdminException;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.kubernetes.controller.Conditions;
import dev.quiver.kubernetes.controller.Conditions.Wanted;
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
 * {@code BrokerNotFound}. Applying is idempotent (the shared client): an unchanged trigger is left alone.
 */
public final class TriggerReconciler {
    private final KubernetesClient client;
    private final TriggerSender sender;
    private final Clock clock;

    public TriggerReconciler(KubernetesClient client, BrokerAdmin broker, Clock clock) {
        this.client = client;
        this.sender = new TriggerSender(client, broker);
        this.clock = clock;
    }

    public void reconcile(Trigger t) {
        TriggerStatus s = new TriggerStatus();
        List<Wanted> wanted;
        try {
            TriggerDocument doc = TriggerMapping.of(t);
            s.setSubscriberUri(doc.spec().subscriber().uri());
            TriggerSender.Outcome o = sender.send(doc, t.getMetadata().getNamespace());
            if (o.configured()) {
                wanted = List.of(
                        new Wanted(Conditions.READY, true, o.reason(), o.message()),
                        new Wanted(Conditions.FAILED, false, "Valid", ""));
            } else if (o.failed()) {
                wanted = failed(o.reason(), o.message());
            } else {
                wanted = List.of(new Wanted(Conditions.READY, false, o.reason(), o.message()));
            }
        } catch (SpecException e) {
            wanted = failed("InvalidSpec", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<io.fabric8.kubernetes.api.model.Condition> before =
                t.getStatus() == null ? List.of() : t.getStatus().getConditions();
        s.setObservedGeneration(t.getMetadata().getGeneration());
        s.setConditions(
                Conditions.set(before, wanted, clock.instant(), t.getMetadata().getGeneration()));
        Trigger patch = new Trigger();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(t.getMetadata().getName())
                .withNamespace(t.getMetadata().getNamespace())
                .build());
        patch.setStatus(s);
        client.resources(Trigger.class)
                .inNamespace(t.getMetadata().getNamespace())
                .resource(patch)
                .patchStatus();
    }

    /** @throws IOException naming the broker, when it refuses or does not answer (the controller logs it) */
    public void delete(Trigger t) throws IOException, InterruptedException {
        try {
            sender.delete(t.getMetadata().getName());
        } catch (BrokerAdminException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<Wanted> failed(String reason, String message) {
        return List.of(
                new Wanted(Conditions.READY, false, reason, message),
                new Wanted(Conditions.FAILED, true, reason, message));
    }
}
