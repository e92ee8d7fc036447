package dev.quiver.kubernetes.eventing;

import dev.quiver.kubernetes.controller.Conditions;
import dev.quiver.kubernetes.controller.Conditions.Wanted;
import dev.quiver.kubernetes.resource.Broker;
import dev.quiver.kubernetes.resource.BrokerStatus;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.scaler.spec.Violation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Makes the broker Deployment serve the namespace's Broker resources. The broker app reads its broker names only at
 * start ({@code quiver.broker.names}), so the controller writes them into a ConfigMap key the Deployment takes as
 * {@code QUIVER_BROKER_NAMES}, and puts the same list in a pod-template annotation so that a change rolls the
 * Deployment. Each Broker's status says Ready (with its URL) once the rollout serving it is done, or Failed naming
 * the field.
 */
public final class BrokerReconciler {
    public static final String NAMES_KEY = "QUIVER_BROKER_NAMES";
    /** Pod-template annotation of the broker Deployment: the names its pods were started with. */
    public static final String NAMES_ANNOTATION = "quiver.dev/broker-names";

    private final KubernetesClient client;
    private final String deployment;
    private final String configMap;
    private final Clock clock;

    /**
     * @param deployment the broker Deployment, also the name of its Service (the URL's host)
     * @param configMap  the ConfigMap holding {@link #NAMES_KEY}
     */
    public BrokerReconciler(KubernetesClient client, String deployment, String configMap, Clock clock) {
        this.client = client;
        this.deployment = deployment;
        this.configMap = configMap;
        this.clock = clock;
    }

    /** Reconciles every Broker of the namespace at once (they share one Deployment). */
    public BrokerNames reconcile(String namespace) {
        List<Broker> brokers =
                client.resources(Broker.class).inNamespace(namespace).list().getItems();
        BrokerNames names = BrokerNames.of(brokers);
        writeNames(namespace, names.value());
        Deployment d = rollOut(namespace, names.value());
        for (Broker b : brokers) {
            String name = b.getMetadata().getName();
            List<Violation> invalid = names.violations().get(name);
            BrokerStatus s = new BrokerStatus();
            List<Wanted> wanted;
            if (invalid != null) {
                String msg = invalid.stream().map(Violation::toString).collect(Collectors.joining("; "));
                wanted = List.of(
                        new Wanted(Conditions.READY, false, "InvalidSpec", msg),
                        new Wanted(Conditions.FAILED, true, "InvalidSpec", msg));
            } else {
                s.setUrl(url(name, namespace));
                wanted = List.of(ready(d, namespace, b), new Wanted(Conditions.FAILED, false, "Valid", ""));
            }
            writeStatus(b, s, wanted);
        }
        return names;
    }

    /** {@code http://<broker Service>.<namespace>.svc.cluster.local/<name>}: where events are POSTed. */
    public String url(String name, String namespace) {
        return "http://" + deployment + "." + namespace + ".svc.cluster.local/" + name;
    }

    private Wanted ready(Deployment d, String namespace, Broker b) {
        String name = b.getMetadata().getName();
        if (d == null) {
            return new Wanted(
                    Conditions.READY,
                    false,
                    "BrokerDeploymentMissing",
                    "no Deployment " + deployment + " in namespace " + namespace + " (deploy/base/broker.yaml)");
        }
        if (!BrokerRollout.done(d)) {
            return new Wanted(
                    Conditions.READY,
                    false,
                    "RollingOut",
                    "Deployment " + deployment + " is rolling out to serve broker " + name);
        }
        boolean topicSettings = b.getSpec() != null
                && (b.getSpec().getPartitions() != null || b.getSpec().getReplicationFactor() != null);
        return new Wanted(
                Conditions.READY,
                true,
                "Serving",
                "served by Deployment " + deployment
                        + " on topic " + BrokerNames.TOPIC_PREFIX + name
                        + (topicSettings
                                ? "; spec.partitions and spec.replicationFactor are not applied per broker: the Deployment's"
                                        + " QUIVER_BROKER_PARTITIONS and QUIVER_BROKER_REPLICATION_FACTOR are"
                                : ""));
    }

    private void writeNames(String namespace, String value) {
        ConfigMap existing =
                client.configMaps().inNamespace(namespace).withName(configMap).get();
        if (existing == null) {
            client.resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName(configMap)
                            .withNamespace(namespace)
                            .addToLabels(Labels.MANAGED_BY, Labels.MANAGER)
                            .endMetadata()
                            .addToData(NAMES_KEY, value)
                            .build())
                    .create();
        } else if (existing.getData() == null
                || !value.equals(existing.getData().get(NAMES_KEY))) {
            client.configMaps()
                    .inNamespace(namespace)
                    .withName(configMap)
                    .edit(c ->
                            new ConfigMapBuilder(c).addToData(NAMES_KEY, value).build());
        }
    }

    /** Sets the pod-template annotation to the names (a change rolls the pods); the Deployment, or null. */
    private Deployment rollOut(String namespace, String value) {
        var ref = client.apps().deployments().inNamespace(namespace).withName(deployment);
        Deployment d = ref.get();
        if (d == null) {
            return null;
        }
        Map<String, String> a = d.getSpec().getTemplate().getMetadata() == null
                ? null
                : d.getSpec().getTemplate().getMetadata().getAnnotations();
        if (a != null && value.equals(a.get(NAMES_ANNOTATION))) {
            return d;
        }
        return ref.edit(x -> new DeploymentBuilder(x)
                .editSpec()
                .editTemplate()
                .editOrNewMetadata()
                .addToAnnotations(NAMES_ANNOTATION, value)
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build());
    }

    private void writeStatus(Broker b, BrokerStatus s, List<Wanted> wanted) {
        List<io.fabric8.kubernetes.api.model.Condition> before =
                b.getStatus() == null ? List.of() : b.getStatus().getConditions();
        Long generation = b.getMetadata().getGeneration();
        s.setObservedGeneration(generation);
        s.setConditions(Conditions.set(before, wanted, clock.instant(), generation));
        if (b.getStatus() != null && Objects.equals(Serialization.asJson(b.getStatus()), Serialization.asJson(s))) {
            return; // unchanged: no write, no event
        }
        try {
            // a JSON patch from the stored object: the conditions list is replaced, not merged
            client.resources(Broker.class)
                    .inNamespace(b.getMetadata().getNamespace())
                    .withName(b.getMetadata().getName())
                    .editStatus(x -> {
                        x.setStatus(s);
                        return x;
                    });
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }
}
