package dev.quiver.kubernetes.eventing;

import dev.quiver.kubernetes.resource.KnativeBroker;
import dev.quiver.kubernetes.resource.KnativeTrigger;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Watches Knative's Brokers and Triggers in the controller's namespace when their CRDs are installed (checked once at
 * start; absent, nothing is watched and nothing fails). Reconciles on the controller's thread: on add, on a spec
 * change, and on every informer resync (so a restarted broker gets them back); removes them from the broker on delete.
 */
public final class KnativeInformers {
    private static final Logger LOG = Logger.getLogger(KnativeInformers.class);

    private KnativeInformers() {}

    public static List<SharedIndexInformer<?>> start(
            KubernetesClient client, KnativeReconciler reconciler, String namespace, long resyncMillis, Executor loop) {
        List<SharedIndexInformer<?>> out = new ArrayList<>();
        SharedIndexInformer<KnativeTrigger> triggers = null;
        if (KnativeReconciler.installed(client, KnativeTrigger.CRD)) {
            triggers = client.resources(KnativeTrigger.class)
                    .inNamespace(namespace)
                    .inform(new Handler<>(loop, reconciler::reconcile, reconciler::delete), resyncMillis);
            out.add(triggers);
        }
        if (KnativeReconciler.installed(client, KnativeBroker.CRD)) {
            SharedIndexInformer<KnativeTrigger> waiting = triggers;
            Action<KnativeBroker> reconcile = b -> {
                reconciler.reconcile(b);
                // its triggers may have been refused before the broker existed: apply them again now
                if (waiting != null) {
                    for (KnativeTrigger t : waiting.getStore().list()) {
                        if (b.getMetadata().getName().equals(KnativeReconciler.brokerOf(t))) {
                            reconciler.reconcile(t);
                        }
                    }
                }
            };
            out.add(
                    0,
                    client.resources(KnativeBroker.class)
                            .inNamespace(namespace)
                            .inform(new Handler<>(loop, reconcile, reconciler::delete), resyncMillis));
        }
        LOG.infof(
                "Knative Eventing API (%s): %s",
                KnativeReconciler.crds(),
                out.isEmpty()
                        ? "CRDs not installed, not watched (deploy/overlays/knative-eventing-api)"
                        : "watching " + out.size() + " kind(s) in " + namespace);
        return out;
    }

    interface Action<T> {
        void run(T t) throws InterruptedException;
    }

    private record Handler<T extends HasMetadata>(Executor loop, Action<T> reconcile, Action<T> delete)
            implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T t) {
            loop.execute(() -> safely(t, reconcile));
        }

        @Override
        public void onUpdate(T before, T after) {
            boolean statusOnly = Objects.equals(
                            before.getMetadata().getGeneration(),
                            after.getMetadata().getGeneration())
                    && !Objects.equals(
                            before.getMetadata().getResourceVersion(),
                            after.getMetadata().getResourceVersion());
            if (!statusOnly) {
                loop.execute(() -> safely(after, reconcile));
            }
        }

        @Override
        public void onDelete(T t, boolean unknownFinalState) {
            loop.execute(() -> safely(t, delete));
        }

        private static <T extends HasMetadata> void safely(T t, Action<T> action) {
            try {
                action.run(t);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "%s %s: reconcile failed; retried on the next resync",
                        t.getKind(),
                        t.getMetadata().getName());
            }
        }
    }
}
