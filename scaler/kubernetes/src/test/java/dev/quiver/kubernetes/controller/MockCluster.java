package dev.quiver.kubernetes.controller;

import dev.quiver.kubernetes.DeployDir;
import dev.quiver.kubernetes.scaling.KubeApplier;
import dev.quiver.kubernetes.workload.Labels;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
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

    /** Registers the CRDs exactly as deploy/base/crds/ ships them. */
    public void installCrds() throws IOException {
        try (Stream<Path> files = Files.list(DeployDir.crds())) {
            for (Path p : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in)
                            .item();
                    client.resource(crd).createOr(r -> r.update());
                }
            }
        }
    }

    public KubeApplier applier() {
        return new KubeApplier(client, () -> "p" + suffix.incrementAndGet());
    }

    public FunctionReconciler reconciler() {
        return new FunctionReconciler(client, applier(), Map.of("app.kubernetes.io/name", "quiver-activator"),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public List<Pod> pods(String ns, String function, String pool) {
        return client.pods().inNamespace(ns).withLabels(Map.of(Labels.FUNCTION, function, Labels.POOL, pool)).list()
                .getItems();
    }

    /** Marks a pod Ready, as the kubelet would once {@code /q/health/ready} answers. */
    public void markReady(Pod pod) {
        pod.setStatus(new PodStatusBuilder().withPhase("Running").withStartTime(NOW.toString())
                .withPodIP("10.0.0." + suffix.incrementAndGet())
                .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build()).build());
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    }
}
