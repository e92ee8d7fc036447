package dev.quiver.kubernetes.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.model.EnvNames;
import dev.quiver.kubernetes.model.FunctionModel;
import dev.quiver.kubernetes.model.FunctionValidator;
import dev.quiver.scaler.decision.Mode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    static final OwnerReference OWNER = new OwnerReferenceBuilder()
            .withApiVersion("quiver.dev/v1alpha1")
            .withKind("Function")
            .withName("hello")
            .withUid("u1")
            .withController(true)
            .build();

    static Workload workload(String image) {
        FunctionModel m = FunctionValidator.validate(Functions.fromYaml("""
                apiVersion: quiver.dev/v1alpha1
                kind: Function
                metadata: {name: hello, namespace: ns}
                spec:
                  image: %s
                  properties: {quarkus.log.level: DEBUG}
                  scale: {warmPool: 1}
                  triggers: {kafka: {topic: t}}
                """.formatted(image)));
        return new Workload(m, OWNER, Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092"));
    }

    @Test
    void podsProbeTheRuntimesHealthAndGetTheirSettingsAsEnv() {
        Container c = workload("img:1").podSpec().getContainers().get(0);
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(c.getPorts().get(0).getContainerPort()).isEqualTo(8080);
        assertThat(c.getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("KAFKA_BOOTSTRAP_SERVERS", "k:9092"),
                        org.assertj.core.groups.Tuple.tuple("QUIVER_FUNCTION_NAME", "hello"),
                        org.assertj.core.groups.Tuple.tuple("QUIVER_KAFKA_TOPIC", "t"),
                        org.assertj.core.groups.Tuple.tuple("QUIVER_KAFKA_GROUP", "quiver-hello"),
                        org.assertj.core.groups.Tuple.tuple("QUARKUS_LOG_LEVEL", "DEBUG"));
    }

    @Test
    void warmPodsAreControlledByTheFunctionSoNoReplicaSetAdoptsThem() {
        Pod p = workload("img:1").warmPod("hello-warm-x");
        assertThat(p.getMetadata().getLabels())
                .containsEntry(Labels.POOL, Labels.WARM)
                .containsEntry(Labels.FUNCTION, "hello");
        assertThat(p.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getController()).isTrue())
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("Function"));
    }

    @Test
    void thePublicServiceHasNoSelectorAndRecordsItsMode() {
        Workload w = workload("img:1");
        assertThat(w.service(Mode.SERVE).getSpec().getSelector())
                .as("routed by the controller's EndpointSlice")
                .isNull();
        assertThat(w.service(Mode.PROXY).getMetadata().getAnnotations()).containsEntry(Labels.MODE, "proxy");
        assertThat(w.service(Mode.SERVE).getMetadata().getAnnotations()).containsEntry(Labels.MODE, "serve");
        assertThat(w.privateService().getSpec().getSelector()).isEqualTo(Labels.active("hello"));
        assertThat(w.deployment(2).getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.active("hello"));
    }

    @Test
    void revisionChangesWithTheImageOnly() {
        assertThat(workload("img:1").revision())
                .isEqualTo(workload("img:1").revision())
                .isNotEqualTo(workload("img:2").revision());
    }

    @Test
    void propertyNamesBecomeQuarkusEnvNames() {
        assertThat(EnvNames.of("quiver.container-concurrency")).isEqualTo("QUIVER_CONTAINER_CONCURRENCY");
        assertThat(EnvNames.of("quarkus.http.port")).isEqualTo("QUARKUS_HTTP_PORT");
    }
}
