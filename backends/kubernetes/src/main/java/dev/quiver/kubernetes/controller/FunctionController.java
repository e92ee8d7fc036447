package dev.quiver.kubernetes.controller;

import dev.quiver.control.loop.FunctionLoop;
import dev.quiver.control.loop.LoopSettings;
import dev.quiver.control.loop.RoutePublisher;
import dev.quiver.control.observe.lag.KafkaLagReader;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.observe.stats.StatsObserver;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.kubernetes.eventing.BrokerAdmin;
import dev.quiver.kubernetes.eventing.BrokerEvents;
import dev.quiver.kubernetes.eventing.BrokerReconciler;
import dev.quiver.kubernetes.eventing.FunctionBrokerTriggers;
import dev.quiver.kubernetes.eventing.TriggerReconciler;
import dev.quiver.kubernetes.eventing.TriggerSender;
import dev.quiver.kubernetes.resource.Broker;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.Trigger;
import dev.quiver.kubernetes.scaling.ActivatorQueues;
import dev.quiver.kubernetes.scaling.AppliedOps;
import dev.quiver.kubernetes.scaling.CachedReads;
import dev.quiver.kubernetes.scaling.ClusterReads;
import dev.quiver.kubernetes.scaling.EndpointWriter;
import dev.quiver.kubernetes.scaling.KubeApplier;
import dev.quiver.kubernetes.scaling.KubeBackend;
import dev.quiver.kubernetes.sources.SourcesController;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Decision;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Wires the reconciler and the shared function loop ({@link FunctionLoop}, over the {@link KubeBackend}) to the API:
 * informers on Functions (in the watched namespaces) queue reconciles, which hand each valid function to the loop;
 * informers on their pods and on the activator pods mark public EndpointSlices for a sync, a 1 s timer syncs those.
 * The loop reads pod stats and the activators' held requests asynchronously and decides each function at its tick
 * interval, and at once on a poke. Everything runs on one thread, so a reconcile and a decision of the same function
 * never overlap.
 */
@ApplicationScoped
public class FunctionController {
    private static final Logger LOG = Logger.getLogger(FunctionController.class);

    private final KubernetesClient client;
    private final ControllerConfig config;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService loop;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    /** Functions whose pods changed since the last tick: their public EndpointSlice is synced then. */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** The activator pods changed: every function's slice is synced at the next tick (proxy ones may change). */
    private volatile boolean allDirty;

    /** The functions and revisions the loop runs, and the routes outside it (dev.quiver.kubernetes.controller). */
    private RevisionLoop revisions;

    private WatchedNamespaces watched;
    private SharedIndexInformer<Trigger> triggerInformer;
    /** Knative PingSource / KafkaSource / KafkaSink reconciliation (dev.quiver.kubernetes.sources). */
    private SourcesController sources;

    private final List<SharedIndexInformer<Function>> functionCaches = new ArrayList<>();
    /** Functions with a rollout in progress whose next step is scheduled. */
    private final Set<FunctionRef> rolling = ConcurrentHashMap.newKeySet();

    private ClusterReads reads;
    private FunctionReconciler reconciler;
    private KubeApplier applier;
    private KubeBackend backend;
    private FunctionLoop functions;

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
        LagReader lag = config.kafkaBootstrapServers()
                .<LagReader>map(k -> new KafkaLagReader(k, Duration.ofSeconds(2), "quiver-controller-lag"))
                .orElse(LagReader.NONE);
        long resync = config.resync().toMillis();
        loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "quiver-controller"));
        SharedIndexInformer<Pod> activators = client.pods()
                .inNamespace(activatorNs)
                .withLabels(activatorLabels)
                .inform(
                        new EveryEvent<Pod>(p -> allDirty = true),
                        0); // the Function resync re-syncs every slice anyway
        informers.add(activators);
        // the functions' objects as informers cache them: a tick reads these, no LIST call
        List<SharedIndexInformer<Pod>> podCaches = new ArrayList<>();
        List<SharedIndexInformer<Deployment>> deploymentCaches = new ArrayList<>();
        List<SharedIndexInformer<Service>> serviceCaches = new ArrayList<>();
        EveryEvent<Pod> functionPods = new EveryEvent<>(p -> dirty.add(
                key(p.getMetadata().getNamespace(), p.getMetadata().getLabels().get(Labels.FUNCTION))));
        for (String n : watched.all() ? List.<String>of() : List.copyOf(watched.names())) {
            podCaches.add(client.pods()
                    .inNamespace(n)
                    .withLabel(Labels.FUNCTION)
                    .withIndexers(CachedReads.INDEXERS)
                    .inform(functionPods, 0));
            deploymentCaches.add(client.apps()
                    .deployments()
                    .inNamespace(n)
                    .withLabel(Labels.MANAGED_BY, Labels.MANAGER)
                    .inform());
            serviceCaches.add(client.services()
                    .inNamespace(n)
                    .withLabel(Labels.MANAGED_BY, Labels.MANAGER)
                    .inform());
        }
        if (watched.all()) {
            podCaches.add(client.pods()
                    .inAnyNamespace()
                    .withLabel(Labels.FUNCTION)
                    .withIndexers(CachedReads.INDEXERS)
                    .inform(functionPods, 0));
            deploymentCaches.add(client.apps()
                    .deployments()
                    .inAnyNamespace()
                    .withLabel(Labels.MANAGED_BY, Labels.MANAGER)
                    .inform());
            serviceCaches.add(client.services()
                    .inAnyNamespace()
                    .withLabel(Labels.MANAGED_BY, Labels.MANAGER)
                    .inform());
        }
        informers.addAll(podCaches);
        informers.addAll(deploymentCaches);
        informers.addAll(serviceCaches);
        AppliedOps applied = new AppliedOps(clock, Duration.ofSeconds(30));
        reads = applied.over(new CachedReads(podCaches, deploymentCaches, serviceCaches));
        EndpointWriter endpoints = new EndpointWriter(
                client,
                reads,
                () -> activators.getStore().list(),
                config.activator().port());
        applier = new KubeApplier(client, () -> UUID.randomUUID().toString().substring(0, 5), endpoints, applied);
        BrokerAdmin brokerAdmin = new BrokerAdmin(config.brokerUrl(), Duration.ofSeconds(30));
        reconciler = new FunctionReconciler(
                client,
                applier,
                env,
                clock,
                new FunctionBrokerTriggers(new TriggerSender(client, brokerAdmin), ns),
                reads);
        backend = new KubeBackend(reads, applier);
        functions = new FunctionLoop(
                backend,
                new StatsObserver(Duration.ofMillis(500)),
                lag,
                new ActivatorQueues(
                        () -> activators.getStore().list(), Duration.ofMillis(500), Duration.ofSeconds(1), clock),
                RoutePublisher.NONE,
                clock,
                loop,
                new LoopSettings(Duration.ofSeconds(1), 60));
        functions.onDecision(this::writeStatus);
        revisions = new RevisionLoop(functions, backend);
        for (String n : watched.all() ? List.<String>of() : List.copyOf(watched.names())) {
            functionCaches.add(client.resources(Function.class).inNamespace(n).inform(new Handler(), resync));
        }
        if (watched.all()) {
            functionCaches.add(client.resources(Function.class).inAnyNamespace().inform(new Handler(), resync));
        }
        informers.addAll(functionCaches);
        TriggerReconciler triggers = new TriggerReconciler(client, brokerAdmin, clock);
        triggerInformer = client.resources(Trigger.class).inNamespace(ns).inform(new TriggerHandler(triggers), resync);
        informers.add(triggerInformer);
        BrokerReconciler brokers =
                new BrokerReconciler(client, config.brokerDeployment(), config.brokerNamesConfigMap(), clock);
        informers.add(client.resources(Broker.class)
                .inNamespace(ns)
                .inform(
                        new BrokerEvents(loop, brokers, ns, name -> {
                            triggersOf(name).forEach(t -> safely(t, () -> triggers.reconcile(t)));
                            functionsOf(name).forEach(this::reconcileLogged);
                        }),
                        resync));
        // --- Knative PingSource / KafkaSource / KafkaSink (dev.quiver.kubernetes.sources), when their CRDs exist ---
        sources = new SourcesController(client, brokerAdmin.client(), clock);
        sources.start(ns, resync);
        // ---
        // Knative Eventing's Broker and Trigger (eventing.knative.dev/v1), only when their CRDs are installed
        informers.addAll(dev.quiver.kubernetes.eventing.KnativeInformers.start(
                client,
                new dev.quiver.kubernetes.eventing.KnativeReconciler(
                        client, brokerAdmin.client(), config.brokerDeployment()),
                ns,
                resync,
                loop));
        loop.scheduleWithFixedDelay(this::syncEndpoints, 1, 1, TimeUnit.SECONDS);
        functions.start();
        LOG.infof(
                "Quiver controller watching Functions in %s (Triggers and Brokers in %s; activator pods %s in %s)",
                watched, ns, config.activatorSelector(), activatorNs);
    }

    void stop(@Observes ShutdownEvent ev) {
        informers.forEach(SharedIndexInformer::close);
        if (sources != null) {
            sources.close(); // Knative sources (dev.quiver.kubernetes.sources)
        }
        if (loop != null) {
            loop.shutdownNow();
        }
        if (functions != null) {
            functions.close();
        }
    }

    /**
     * The activator's poke: a request for {@code namespace/function} is waiting and nothing is ready. Decides at once
     * on the controller thread.
     *
     * @return false when the function is unknown (or invalid)
     */
    public boolean poke(String namespace, String function) {
        FunctionRef ref = new FunctionRef(namespace, function);
        if (functions == null || !functions.knows(ref)) {
            return false;
        }
        functions.poke(ref);
        return true;
    }

    private void reconcile(Function f) {
        Optional<Workload> w = reconciler.reconcile(f);
        FunctionRef ref =
                new FunctionRef(f.getMetadata().getNamespace(), f.getMetadata().getName());
        if (w.isEmpty()) {
            revisions.forgetAll(ref);
        } else {
            revisions.sync(ref, w.get(), reconciler.routes(ref.namespace(), ref.name()));
            if (reconciler.rolling(ref.namespace(), ref.name()) && rolling.add(ref)) {
                loop.schedule(() -> rolloutStep(ref), 1, TimeUnit.SECONDS);
            }
            // a route made just now may not be in the caches yet: its slice is synced again at the next tick
            revisions
                    .routes(ref)
                    .forEach(r ->
                            dirty.add(key(r.function().namespace(), r.function().name())));
        }
    }

    /** A rollout in progress: the function is reconciled again each second (its next step) until it ends. */
    private void rolloutStep(FunctionRef ref) {
        rolling.remove(ref);
        Function f = CachedReads.byKey(functionCaches, ref.namespace(), ref.name());
        if (f != null) {
            reconcileLogged(f);
        }
    }

    /** After a decision: the Function's status follows its objects (as cached; written only when it changed). */
    private void writeStatus(FunctionRef ref, Decision decision) {
        Workload w = backend.workload(ref).orElse(null);
        if (w == null) {
            return;
        }
        Function f = CachedReads.byKey(functionCaches, ref.namespace(), ref.name());
        Deployment d = reads.deployment(ref.namespace(), ref.name()).orElse(null);
        if (f != null && d != null) {
            reconciler.status(f, w, d);
        }
    }

    /** The Functions (as last seen) whose broker trigger is on {@code broker}: their trigger waited for it. */
    private List<Function> functionsOf(String broker) {
        return functionCaches.stream()
                .flatMap(i -> i.getStore().list().stream())
                .filter(f -> f.getSpec() != null
                        && f.getSpec().getTriggers() != null
                        && f.getSpec().getTriggers().getBroker() != null
                        && broker.equals(Objects.requireNonNullElse(
                                f.getSpec().getTriggers().getBroker().getBroker(), "default")))
                .filter(f -> watched.includes(f.getMetadata().getNamespace()))
                .toList();
    }

    private void reconcileLogged(Function f) {
        try {
            reconcile(f);
        } catch (RuntimeException e) {
            LOG.warnf(
                    e,
                    "Reconcile of Function %s failed; retried on the next resync",
                    f.getMetadata().getName());
        }
    }

    /** The public EndpointSlices of the functions whose pods (or the activator's) changed. */
    private void syncEndpoints() {
        List<String> keys = new ArrayList<>(
                allDirty
                        ? functions.status().stream()
                                .map(s -> key(s.ref().namespace(), s.ref().name()))
                                .toList()
                        : List.copyOf(dirty));
        List<Workload> routes = allDirty ? revisions.routes() : List.of();
        allDirty = false;
        keys.forEach(dirty::remove);
        for (Workload w : routes) {
            try {
                applier.syncEndpoints(w);
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "EndpointSlice of %s failed; retried on the next change or resync",
                        w.function().name());
            }
        }
        for (String k : keys) {
            int slash = k.indexOf('/');
            FunctionRef ref = new FunctionRef(k.substring(0, slash), k.substring(slash + 1));
            Workload w = backend.workload(ref).or(() -> revisions.route(ref)).orElse(null);
            if (w == null) {
                continue;
            }
            try {
                applier.syncEndpoints(w);
            } catch (RuntimeException e) {
                LOG.warnf(e, "EndpointSlice of %s failed; retried on the next change or resync", k);
            }
        }
    }

    /** A new resourceVersion with the same generation: only status or metadata changed (not a resync). */
    private static boolean statusOnly(HasMetadata before, HasMetadata after) {
        return Objects.equals(
                        before.getMetadata().getGeneration(),
                        after.getMetadata().getGeneration())
                && !Objects.equals(
                        before.getMetadata().getResourceVersion(),
                        after.getMetadata().getResourceVersion());
    }

    /** The Triggers (as last seen) whose spec.broker is {@code broker} (unset means {@code default}). */
    private List<Trigger> triggersOf(String broker) {
        return triggerInformer.getStore().list().stream()
                .filter(t -> broker.equals(
                        t.getSpec() == null || t.getSpec().getBroker() == null
                                ? "default"
                                : t.getSpec().getBroker()))
                .toList();
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
            if (statusOnly(before, after)
                    || !watched.includes(after.getMetadata().getNamespace())) {
                return; // our own status write: reconciling again would only write it again
            }
            loop.execute(() -> safely(after, () -> reconcile(after)));
        }

        @Override
        public void onDelete(Function f, boolean unknownFinalState) {
            loop.execute(() -> safely(f, () -> {
                revisions.forgetAll(new FunctionRef(
                        f.getMetadata().getNamespace(), f.getMetadata().getName()));
                reconciler.delete(
                        f.getMetadata().getNamespace(), f.getMetadata().getName());
            }));
        }

        private void safely(Function f, Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "Reconcile of Function %s failed; retried on the next resync",
                        f.getMetadata().getName());
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
                    LOG.warnf(
                            "Trigger %s not removed from the broker: %s",
                            t.getMetadata().getName(), e);
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
