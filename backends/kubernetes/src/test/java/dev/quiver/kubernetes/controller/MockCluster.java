package dev.quiver.kubernetes.controller;

import dev.quiver.kubernetes.DeployDir;
import dev.quiver.kubernetes.scaling.EndpointWriter;
import dev.quiver.kubernetes.scaling.KubeApplier;
import dev.quiver.kubernetes.workload.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Helpers for tests against the fabric8 mock API server (CRUD mode): CRDs from deploy/, pod readiness, lookups. */
public final class MockCluster {
    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final KubernetesClient client;
    private final AtomicInteger suffix = new AtomicInteger();

    public MockCluster(KubernetesClient client) {
        this.client = client;
    }

    /** A cluster with the CRDs installed and no activator pods: where the reconciler and scaling tests start. */
    public static MockCluster withCrdsAndNoActivators(KubernetesClient client) throws IOException {
        MockCluster cluster = new MockCluster(client);
        cluster.installCrds();
        cluster.noActivatorPods();
        return cluster;
    }

    /** Registers the CRDs exactly as deploy/base/crds/ ships them. */
    public void installCrds() throws IOException {
        try (Stream<Path> files = Files.list(DeployDir.crds())) {
            for (Path p : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    CustomResourceDefinition crd = client.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .load(in)
                            .item();
                    client.resource(crd).createOr(r -> r.update());
                }
            }
        }
    }

    /** Where the tests' activator pods run (the controller's namespace), and their labels. */
    public static final String ACTIVATOR_NS = "quiver";

    public static final Map<String, String> ACTIVATOR = Map.of("app.kubernetes.io/name", "quiver-activator");

    public KubeApplier applier() {
        return new KubeApplier(
                client,
                () -> "p" + suffix.incrementAndGet(),
                new EndpointWriter(
                        client,
                        () -> client.pods()
                                .inNamespace(ACTIVATOR_NS)
                                .withLabels(ACTIVATOR)
                                .list()
                                .getItems(),
                        8012));
    }

    public FunctionReconciler reconciler() {
        return new FunctionReconciler(
                client, applier(), Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A ready activator pod in {@link #ACTIVATOR_NS} with its proxy port named http (8012), as deploy/ runs it. */
    public Pod activatorPod(String name) {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ACTIVATOR_NS)
                .withLabels(ACTIVATOR)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("activator")
                .withImage("quiver/controller")
                .addNewPort()
                .withName("http")
                .withContainerPort(8012)
                .endPort()
                .addNewPort()
                .withName("admin")
                .withContainerPort(8080)
                .endPort()
                .endContainer()
                .endSpec()
                .build();
        Pod made = client.resource(pod).create();
        markReady(made);
        return client.pods().inNamespace(ACTIVATOR_NS).withName(name).get();
    }

    /** Removes the activator pods earlier tests made (the mock server may outlive a test class). */
    public void noActivatorPods() {
        client.pods().inNamespace(ACTIVATOR_NS).withLabels(ACTIVATOR).delete();
    }

    /** The public EndpointSlice of a function, or null. */
    public EndpointSlice slice(String ns, String function) {
        return client.discovery()
                .v1()
                .endpointSlices()
                .inNamespace(ns)
                .withName(function)
                .get();
    }

    /** The addresses of a function's public EndpointSlice with the port they are on: {@code ip:port}, sorted. */
    public List<String> sliceTargets(String ns, String function) {
        EndpointSlice s = slice(ns, function);
        int port = s.getPorts().get(0).getPort();
        return s.getEndpoints().stream()
                .flatMap(e -> e.getAddresses().stream())
                .map(a -> a + ":" + port)
                .sorted()
                .toList();
    }

    public List<Pod> pods(String ns, String function, String pool) {
        return client.pods()
                .inNamespace(ns)
                .withLabels(Map.of(Labels.FUNCTION, function, Labels.POOL, pool))
                .list()
                .getItems();
    }

    /** Marks a pod Ready, as the kubelet would once {@code /q/health/ready} answers. */
    public void markReady(Pod pod) {
        pod.setStatus(new PodStatusBuilder()
                .withPhase("Running")
                .withStartTime(NOW.toString())
                .withPodIP("10.0.0." + suffix.incrementAndGet())
                .withConditions(new PodConditionBuilder()
                        .withType("Ready")
                        .withStatus("True")
                        .build())
                .build());
        client.pods()
                .inNamespace(pod.getMetadata().getNamespace())
                .resource(pod)
                .updateStatus();
    }
}
