package dev.quiver.kubernetes.sources;

import dev.quiver.api.trigger.BrokerAdminClient;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Watches PingSources, KafkaSources and KafkaSinks in the controller's namespace (each kind only when its CRD is
 * installed: deploy/overlays/knative-eventing-api or Knative's own) and reconciles them into the broker: on add and
 * on a spec change, {@link SourceReconciler#reconcile}; on delete, removed from the broker. A status write (no spec
 * change) is not reconciled again.
 */
public final class SourcesController implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SourcesController.class);

    private final KubernetesClient client;
    private final SourceReconciler reconciler;
    private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

    /** @param broker the controller's one broker admin client (the one its triggers and Brokers go through too) */
    public SourcesController(KubernetesClient client, BrokerAdminClient broker, Clock clock) {
        this.client = client;
        this.reconciler = new SourceReconciler(client, broker, new ClusterDestinations(client), clock);
    }

    /** Starts an informer per kind whose CRD exists in the cluster; returns the kinds watched. */
    public List<SourceKinds> start(String namespace, long resyncMillis) {
        List<SourceKinds> watched = new ArrayList<>();
        for (SourceKinds kind : SourceKinds.values()) {
            if (client.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .withName(kind.crdName())
                            .get()
                    == null) {
                continue;
            }
            informers.add(client.genericKubernetesResources(kind.context())
                    .inNamespace(namespace)
                    .inform(new Handler(kind), resyncMillis));
            watched.add(kind);
        }
        if (!watched.isEmpty()) {
            LOG.infof("reconciling %s in %s into the broker", watched, namespace);
        }
        return watched;
    }

    private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
        private final SourceKinds kind;

        Handler(SourceKinds kind) {
            this.kind = kind;
        }

        @Override
        public void onAdd(GenericKubernetesResource r) {
            run(r, () -> reconciler.reconcile(kind, r));
        }

        @Override
        public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
            if (!Objects.equals(spec(before), spec(after))) {
                run(after, () -> reconciler.reconcile(kind, after));
            }
        }

        @Override
        public void onDelete(GenericKubernetesResource r, boolean unknownFinalState) {
            run(r, () -> reconciler.delete(kind, r));
        }

        private Object spec(GenericKubernetesResource r) {
            return r.getAdditionalProperties().get("spec");
        }

        private void run(GenericKubernetesResource r, Step step) {
            try {
                step.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "%s %s: reconcile failed",
                        kind.kind(),
                        r.getMetadata().getName());
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws InterruptedException;
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        informers.clear();
    }
}
