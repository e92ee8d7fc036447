package dev.quiver.kubernetes.workload;

import dev.quiver.kubernetes.model.FunctionModel;
import dev.quiver.scaler.decision.Mode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * The objects a function is made of, built as plain values (no API calls): a Deployment of active instances, warm
 * pods kept out of traffic, a public Service without selector (the controller writes its EndpointSlice: the pods in
 * serve mode, the activator in proxy mode) and a private Service (always selecting the pods). Everything carries the function's label and an owner reference to the {@code Function}, so deleting it
 * removes them. Warm pods have the Function as their controller: a ReplicaSet never adopts them, even once
 * promoted into the active labels.
 *
 * @param platformEnv       environment every instance gets (e.g. {@code KAFKA_BOOTSTRAP_SERVERS})
 * @param keptSpec          a revision's pod spec as kept when it was made ({@code <function>-0000N}), null for the
 *                          function's own workload (its spec is built from the model)
 * @param extraLabels       labels on every object besides the function's (a revision's {@code quiver.dev/revision-of})
 */
public record Workload(
        FunctionModel function,
        OwnerReference owner,
        Map<String, String> platformEnv,
        PodSpec keptSpec,
        Map<String, String> extraLabels) {

    public Workload {
        extraLabels = Map.copyOf(extraLabels);
    }

    public Workload(FunctionModel function, OwnerReference owner, Map<String, String> platformEnv) {
        this(function, owner, platformEnv, null, Map.of());
    }

    public PodSpec podSpec() {
        return keptSpec != null
                ? new io.fabric8.kubernetes.api.model.PodSpecBuilder(keptSpec).build()
                : PodTemplates.spec(function, platformEnv);
    }

    public String revision() {
        return PodTemplates.revision(podSpec());
    }

    public Deployment deployment(int replicas) {
        String name = function.name();
        Map<String, String> podLabels = new HashMap<>(Labels.active(name));
        podLabels.put(Labels.REVISION, revision());
        podLabels.putAll(extraLabels);
        return new DeploymentBuilder()
                .withMetadata(meta(Names.deployment(name), Labels.function(name)))
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(Labels.active(name))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .endMetadata()
                .withSpec(podSpec())
                .endTemplate()
                .endSpec()
                .build();
    }

    /** The public Service, created in {@code mode}: no selector, its EndpointSlice is written by the controller. */
    public Service service(Mode mode) {
        Service s = service(Names.service(function.name()), null);
        s.getMetadata().setAnnotations(new HashMap<>(Map.of(Labels.MODE, mode.key())));
        return s;
    }

    public Service privateService() {
        return service(Names.privateService(function.name()), Labels.active(function.name()));
    }

    public Pod warmPod(String podName) {
        String name = function.name();
        Map<String, String> labels = new HashMap<>(Labels.warm(name));
        labels.put(Labels.REVISION, revision());
        labels.put(Labels.MANAGED_BY, Labels.MANAGER);
        labels.putAll(extraLabels);
        OwnerReference controller =
                new OwnerReference(owner.getApiVersion(), true, true, owner.getKind(), owner.getName(), owner.getUid());
        return new PodBuilder()
                .withNewMetadata()
                .withName(podName)
                .withNamespace(function.namespace())
                .withLabels(labels)
                .withOwnerReferences(controller)
                .endMetadata()
                .withSpec(podSpec())
                .build();
    }

    private Service service(String serviceName, Map<String, String> selector) {
        return new ServiceBuilder()
                .withMetadata(meta(serviceName, Labels.function(function.name())))
                .withNewSpec()
                .withSelector(selector)
                .addNewPort()
                .withName(PodTemplates.PORT_NAME)
                .withPort(80)
                .withTargetPort(new IntOrString(PodTemplates.PORT_NAME))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }

    private ObjectMeta meta(String objectName, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(Labels.MANAGED_BY, Labels.MANAGER);
        all.putAll(extraLabels);
        return new ObjectMetaBuilder()
                .withName(objectName)
                .withNamespace(function.namespace())
                .withLabels(all)
                .withOwnerReferences(owner)
                .build();
    }
}
