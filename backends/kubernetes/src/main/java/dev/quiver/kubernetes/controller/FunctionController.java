package dev.quiver.kubernetes.controller;

import dev.quiver.kubernetes.eventing.BrokerAdmin;
import dev.quiver.kubernetes.eventing.BrokerEvents;
import dev.quiver.kubernetes.eventing.BrokerReconciler;
import dev.quiver.kubernetes.eventing.TriggerReconciler;
import dev.quiver.kubernetes.resource.Broker;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.Trigger;
import dev.quiver.kubernetes.scaling.AdminLagSource;
import dev.quiver.kubernetes.scaling.EndpointWriter;
import dev.quiver.kubernetes.scaling.FunctionScaling;
import dev.quiver.kubernetes.scaling.HttpPodStats;
import dev.quiver.kubernetes.scaling.KubeApplier;
import dev.quiver.kubernetes.scaling.LagSource;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Names;
import dev.quiver.kubernetes.workload.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Wires the reconciler and the scalers to the API: informers on Functions (in the watched namespaces) queue
 * reconciles, informers on their pods and on the activator pods mark public EndpointSlices for a sync, a 1 s timer
 * syncs those and ticks each function's scaler when its tick interval has passed. Everything runs on one thread, so a reconcile and a
 * scaler tick of the same function never overlap.
 */
@ApplicationScoped
public class FunctionController {
    private static final Logger LOG = Logger.getLogger(FunctionController.class);

    private final KubernetesClient client;
    private final ControllerConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, FunctionScaling> scalers = new HashMap<>();
    private ScheduledExecutorService loop;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    /** Functions whose pods changed since the last tick: their public EndpointSlice is synced then. */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** The activator pods changed: every function's slice is synced at the next tick (proxy ones may change). */
    private volatile boolean allDirty;
    private WatchedNamespaces watched;
    private SharedIndexInformer<Trigger> triggerInformer;
    private FunctionReconciler reconciler;
    private KubeApplier applier;
    private LagSource lag = LagSource.NONE;

    public FunctionController(KubernetesClient client, ControllerConfig config) {
        this.client = client;
        this.config = config;
    }

    void start(@Observes StartupEvent ev) {
        if (Role.of(config.role()) != Role.CONTROLLER) {
            LOG.info("Quiver controller not started: quiver.kubernetes.role=" + config.role());
            return;
        }
        if (!config.enabled()) {
            LOG.info("Quiver controller disabled (quiver.kubernetes.enabled=false)");
            return;
        }
        String ns = config.ownNamespace(client.getNamespace());
        watched = config.watched(client.getNamespace());
        String activatorNs = config.activatorNamespace().orElse(ns);
        Map<String, String> activatorLabels = ControllerConfig.labels(config.activatorSelector());
        Map<String, String> env = new HashMap<>();
        config.kafkaBootstrapServers().ifPresent(k -> env.put("KAFKA_BOOTSTRAP_SERVERS", k));
        lag = config.kafkaBootstrapServers().<LagSource>map(k -> new AdminLagSource(k, Duration.ofSeconds(2)))
                .orElse(LagSource.NONE);
        long resync = config.resync().toMillis();
        loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "quiver-controller"));
        SharedIndexInformer<Pod> activators = client.pods().inNamespace(activatorNs).withLabels(activatorLabels)
                .inform(new EveryEvent<Pod>(p -> allDirty = true), 0); // the Function resync re-syncs every slice anyway
        informers.add(activators);
        EndpointWriter endpoints = new EndpointWriter(client, () -> activators.getStore().list(),
                config.activator().port());
        applier = new KubeApplier(client, () -> UUID.randomUUID().toString().substring(0, 5), endpoints);
        reconciler = new FunctionReconciler(client, applier, env, clock);
        EveryEvent<Pod> functionPods = new EveryEvent<>(p -> dirty.add(key(p.getMetadata().getNamespace(),
                p.getMetadata().getLabels().get(Labels.FUNCTION))));
        if (watched.all()) {
            informers.add(client.resources(Function.class).inAnyNamespace().inform(new Handler(), resync));
            informers.add(client.pods().inAnyNamespace().withLabel(Labels.FUNCTION).inform(functionPods, 0));
        } else {
            for (String n : watched.names()) {
                informers.add(client.resources(Function.class).inNamespace(n).inform(new Handler(), resync));
                informers.add(client.pods().inNamespace(n).withLabel(Labels.FUNCTION).inform(functionPods, 0));
            }
        }
        TriggerReconciler triggers = new TriggerReconciler(client,
                new BrokerAdmin(config.brokerUrl(), Duration.ofSeconds(10)), clock);
        triggerInformer = client.resources(Trigger.class).inNamespace(ns)
                .inform(new TriggerHandler(triggers), resync);
        informers.add(triggerInformer);
        BrokerReconciler brokers = new BrokerReconciler(client, config.brokerDeployment(),
                config.brokerNamesConfigMap(), clock);
        informers.add(client.resources(Broker.class).inNamespace(ns).inform(new BrokerEvents(loop, brokers, ns,
                name -> triggersOf(name).forEach(t -> safely(t, () -> triggers.reconcile(t)))), resync));
        loop.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        LOG.infof("Quiver controller watching Functions in %s (Triggers and Brokers in %s; activator pods %s in %s)",
                watched, ns, config.activatorSelector(), activatorNs);
    }

    void stop(@Observes ShutdownEvent ev) {
        informers.forEach(SharedIndexInformer::close);
        if (loop != null) {
            loop.shutdownNow();
        }
        lag.close();
    }

    /**
     * The activator's poke: a request for {@code namespace/function} is waiting and nothing is ready. Decides at once
     * on the controller thread.
     *
     * @return false when the function is unknown (or invalid)
     */
    public boolean poke(String namespace, String function) {
        FunctionScaling s = loop == null ? null : scalers.get(key(namespace, function));
        if (s == null) {
            return false;
        }
        loop.execute(() -> {
            try {
                s.poke(clock.instant(), reconciler.pods(namespace, function));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Poke of %s/%s failed", namespace, function);
            }
        });
        return true;
    }

    private void reconcile(Function f) {
        String key = key(f.getMetadata().getNamespace(), f.getMetadata().getName());
        Optional<Workload> w = reconciler.reconcile(f);
        FunctionScaling current = scalers.get(key);
        if (w.isEmpty()) {
            scalers.remove(key);
        } else if (current == null || !current.workload().equals(w.get())) {
            scalers.put(key, new FunctionScaling(client, applier, new HttpPodStats(Duration.ofMillis(300)), lag, w.get(),
                    clock.instant()));
        }
    }

    private void tick() {
        syncEndpoints();
        for (FunctionScaling s : scalers.values()) {
            try {
                if (s.due(clock.instant())) {
                    Workload w = s.workload();
                    s.tick(clock.instant(), reconciler.pods(w.function().namespace(), w.function().name()));
                    Function f = client.resources(Function.class).inNamespace(w.function().namespace())
                            .withName(w.function().name()).get();
                    Deployment d = client.apps().deployments().inNamespace(w.function().namespace())
                            .withName(Names.deployment(w.function().name())).get();
                    if (f != null && d != null) {
                        reconciler.status(f, w, d);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Scaler tick of %s failed", s.workload().function().name());
            }
        }
    }

    /** The public EndpointSlices of the functions whose pods (or the activator's) changed. */
    private void syncEndpoints() {
        List<String> keys = new ArrayList<>(allDirty ? scalers.keySet() : dirty);
        allDirty = false;
        keys.forEach(dirty::remove);
        for (String k : keys) {
            FunctionScaling s = scalers.get(k);
            if (s == null) {
                continue;
            }
            try {
                applier.syncEndpoints(s.workload());
            } catch (RuntimeException e) {
                LOG.warnf(e, "EndpointSlice of %s failed; retried on the next change or resync", k);
            }
        }
    }

    /** A new resourceVersion with the same generation: only status or metadata changed (not a resync). */
    private static boolean statusOnly(HasMetadata before, HasMetadata after) {
        return Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                && !Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
    }

    /** The Triggers (as last seen) whose spec.broker is {@code broker} (unset means {@code default}). */
    private List<Trigger> triggersOf(String broker) {
        return triggerInformer.getStore().list().stream().filter(t -> broker.equals(
                t.getSpec() == null || t.getSpec().getBroker() == null ? "default" : t.getSpec().getBroker())).toList();
    }

    private static void safely(Trigger t, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Reconcile of Trigger %s failed", t.getMetadata().getName());
        }
    }

    private static String key(String ns, String name) {
        return ns + "/" + name;
    }

    private final class Handler implements ResourceEventHandler<Function> {
        @Override
        public void onAdd(Function f) {
            if (watched.includes(f.getMetadata().getNamespace())) {
                loop.execute(() -> safely(f, () -> reconcile(f)));
            }
        }

        @Override
        public void onUpdate(Function before, Function after) {
            if (statusOnly(before, after) || !watched.includes(after.getMetadata().getNamespace())) {
                return; // our own status write: reconciling again would only write it again
            }
            loop.execute(() -> safely(after, () -> reconcile(after)));
        }



        @Override
        public void onDelete(Function f, boolean unknownFinalState) {
            loop.execute(() -> safely(f, () -> {
                scalers.remove(key(f.getMetadata().getNamespace(), f.getMetadata().getName()));
                reconciler.delete(f.getMetadata().getNamespace(), f.getMetadata().getName());
            }));
        }

        private void safely(Function f, Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Reconcile of Function %s failed; retried on the next resync", f.getMetadata().getName());
            }
        }
    }

    /** Trigger resources: sent to the broker on add and spec change, removed from it on delete. */
    private final class TriggerHandler implements ResourceEventHandler<Trigger> {
        private final TriggerReconciler triggers;

        TriggerHandler(TriggerReconciler triggers) {
            this.triggers = triggers;
        }

        @Override
        public void onAdd(Trigger t) {
            loop.execute(() -> run(t, () -> triggers.reconcile(t)));
        }

        @Override
        public void onUpdate(Trigger before, Trigger after) {
            if (!statusOnly(before, after)) {
                loop.execute(() -> run(after, () -> triggers.reconcile(after)));
            }
        }

        @Override
        public void onDelete(Trigger t, boolean unknownFinalState) {
            loop.execute(() -> run(t, () -> {
                try {
                    triggers.delete(t);
                } catch (java.io.IOException e) {
                    LOG.warnf("Trigger %s not removed from the broker: %s", t.getMetadata().getName(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }

        private void run(Trigger t, Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Reconcile of Trigger %s failed", t.getMetadata().getName());
            }
        }
    }
}
