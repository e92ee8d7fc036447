package dev.quiver.kubernetes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.kubernetes.Functions;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.Trigger;
import dev.quiver.scaler.spec.Violation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionValidatorTest {

    static String doc(String name, String spec) {
        return "apiVersion: quiver.dev/v1alpha1\nkind: Function\nmetadata: {name: " + name + ", namespace: ns}\n"
                + "spec:\n" + spec;
    }

    record Invalid(String label, String yaml, String field, String rule) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                        new Invalid(
                                "image is required", doc("a", "  scale: {target: 10}\n"), "spec.image", "is required"),
                        new Invalid(
                                "negative target",
                                doc("a", "  image: x\n  scale: {target: -1}\n"),
                                "spec.scale.target",
                                "must be"),
                        new Invalid(
                                "unknown scale key",
                                doc("a", "  image: x\n  scale: {warmpool: 1}\n"),
                                "spec.scale.warmpool",
                                "is not a known key"),
                        new Invalid(
                                "min above max",
                                doc("a", "  image: x\n  scale: {minScale: 5, maxScale: 2}\n"),
                                "spec.scale.maxScale",
                                "must be >= minScale"),
                        new Invalid(
                                "lag under the kafka trigger",
                                doc("a", "  image: x\n  triggers: {kafka: {topic: t, lag: {lagThreshold: 0}}}\n"),
                                "spec.triggers.kafka.lag.lagThreshold",
                                "must be > 0"),
                        new Invalid(
                                "kafka topic required",
                                doc("a", "  image: x\n  triggers: {kafka: {group: g}}\n"),
                                "spec.triggers.kafka.topic",
                                "is required"),
                        new Invalid(
                                "name must be a DNS label",
                                doc("A_b", "  image: x\n"),
                                "metadata.name",
                                "must be a DNS label"),
                        new Invalid(
                                "env names",
                                doc("a", "  image: x\n  env: {\"1x\": y}\n"),
                                "spec.env.1x",
                                "C identifier"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidFunctionsNameTheField(Invalid c) {
        assertThatThrownBy(() -> FunctionValidator.validate(Functions.fromYaml(c.yaml())))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e -> assertThat(e.violations()).anySatisfy(v -> {
                            assertThat(v.key()).isEqualTo(c.field());
                            assertThat(v.rule()).contains(c.rule());
                        }));
    }

    @Test
    void aFullFunctionBecomesTheModel() {
        FunctionModel m = FunctionValidator.validate(Functions.fromYaml(doc("orders", """
                  image: registry.example/orders:1
                  jvmOptions: [-Xmx128m]
                  properties: {quiver.container-concurrency: "4"}
                  env: {REGION: eu}
                  scale: {target: 10, warmPool: 2, minScale: 1, maxScale: 8}
                  triggers:
                    http: {}
                    kafka: {topic: orders, lag: {lagThreshold: 50}}
                """)));

        assertThat(m.name()).isEqualTo("orders");
        assertThat(m.warmPool()).isEqualTo(2);
        assertThat(m.initialReplicas()).isEqualTo(1);
        assertThat(m.scaling().triggers()).containsExactlyInAnyOrder(Trigger.HTTP, Trigger.KAFKA);
        assertThat(m.scaling().lag().lagThreshold()).isEqualTo(50);
        assertThat(m.kafka()).hasValue(new FunctionModel.KafkaTopic("orders", "quiver-orders"));
        assertThat(m.env())
                .containsEntry("QUIVER_CONTAINER_CONCURRENCY", "4")
                .containsEntry("JAVA_OPTS_APPEND", "-Xmx128m")
                .containsEntry("REGION", "eu");
    }

    @Test
    void kafkaOnlyFunctionScalesOnLagAlone() {
        FunctionModel m = FunctionValidator.validate(Functions.fromYaml(doc("k", """
                  image: x
                  triggers: {kafka: {topic: t, group: g}}
                """)));
        assertThat(m.scaling().triggers()).containsExactly(Trigger.KAFKA);
    }

    @Test
    void emptyTriggersMeanAnHttpFunction() {
        FunctionModel m = FunctionValidator.validate(Functions.fromYaml(doc("h", "  image: x\n  triggers: {}\n")));
        assertThat(m.scaling().triggers()).containsExactly(Trigger.HTTP);
    }

    @Test
    void violationKeysMapToResourceFields() {
        assertThat(Stream.of("name", "scale.target", "triggers.kafka.lag", "triggers.kafka.lag.drainTime")
                        .map(FunctionValidator::field))
                .containsExactly(
                        "metadata.name",
                        "spec.scale.target",
                        "spec.triggers.kafka.lag",
                        "spec.triggers.kafka.lag.drainTime");
        assertThat(new Violation("spec.image", "is required", null).toString()).startsWith("spec.image");
    }
}
