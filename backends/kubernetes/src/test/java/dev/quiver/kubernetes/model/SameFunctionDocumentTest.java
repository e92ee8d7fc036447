package dev.quiver.kubernetes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.api.function.FunctionDocument;
import dev.quiver.api.function.FunctionDocumentReader;
import dev.quiver.kubernetes.Functions;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.Violation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of function documents, read as a local file (the path of the local backend's FunctionReader) and as a
 * {@code Function} resource (FunctionValidator): the same function, or the same violation (under {@code spec.} on
 * Kubernetes). Keys the API server prunes (unknown top-level keys) cannot reach the resource path and are tested in
 * api's FunctionDocumentReaderTest.
 */
class SameFunctionDocumentTest {

    record Case(String label, String body, String errorKey, String rule) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                        new Case("no triggers", "", null, null),
                        new Case("empty triggers are http", "triggers: {}\n", null, null),
                        new Case(
                                "http and kafka with lag",
                                "triggers: {http: {}, kafka: {topic: t, lag: {lagThreshold: 7}}}\n",
                                null,
                                null),
                        new Case("kafka alone", "triggers: {kafka: {topic: t, group: g}}\n", null, null),
                        new Case(
                                "broker with delivery",
                                "triggers: {broker: {filters: [{prefix: {type: a.}}], " + "delivery: {retry: 2}}}\n",
                                null,
                                null),
                        new Case(
                                "scale and options",
                                "scale: {target: 10, warmPool: 2, minScale: 1, maxScale: 8}\n"
                                        + "jvmOptions: [-Xmx128m]\nproperties: {a.b: c}\nenv: {REGION: eu}\n",
                                null,
                                null),
                        new Case(
                                "scale rule",
                                "scale: {minScale: 5, maxScale: 2}\n",
                                "scale.maxScale",
                                "must be >= minScale"),
                        new Case("unknown scale key", "scale: {warmpool: 1}\n", "scale.warmpool", "is not a known key"),
                        new Case(
                                "lag rule",
                                "triggers: {kafka: {topic: t, lag: {lagThreshold: 0}}}\n",
                                "triggers.kafka.lag.lagThreshold",
                                "must be > 0"),
                        new Case(
                                "kafka topic required",
                                "triggers: {kafka: {group: g}}\n",
                                "triggers.kafka.topic",
                                "is required"),
                        new Case(
                                "http takes no settings",
                                "triggers: {http: {path: /x}}\n",
                                "triggers.http.path",
                                "is not a known key"),
                        new Case(
                                "unknown filter dialect",
                                "triggers: {broker: {filters: [{regex: x}]}}\n",
                                "triggers.broker.filters[0]",
                                "has an unknown dialect"),
                        new Case(
                                "bad delivery",
                                "triggers: {broker: {delivery: {timeout: 5s}}}\n",
                                "triggers.broker.delivery.timeout",
                                "must be an ISO-8601 duration"),
                        new Case("env name", "env: {1x: y}\n", "env.1x", "must be a C identifier"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void theLocalFileAndTheResourceGiveTheSameResult(Case c) {
        String local = "name: fn\nartifact: app.jar\n" + c.body();
        String resource = "apiVersion: quiver.dev/v1alpha1\nkind: Function\nmetadata: {name: fn, namespace: ns}\n"
                + "spec:\n  image: img\n"
                + c.body().lines().map(l -> "  " + l + "\n").reduce("", String::concat);
        if (c.errorKey() == null) {
            FunctionDocument d = FunctionDocumentReader.readYaml(local);
            FunctionModel m = FunctionValidator.validate(Functions.fromYaml(resource));
            assertThat(m.name()).isEqualTo(d.name());
            assertThat(m.scaling()).isEqualTo(d.scaling());
            assertThat(m.kafka().map(k -> List.of(k.topic(), k.group())))
                    .isEqualTo(d.triggers().kafka().map(k -> List.of(k.topic(), k.group())));
            d.env().forEach((k, v) -> assertThat(m.env()).containsEntry(k, v));
            return;
        }
        Violation l = only(
                catchThrowableOfType(SpecException.class, () -> FunctionDocumentReader.readYaml(local)), c.errorKey());
        Violation r = only(
                catchThrowableOfType(
                        SpecException.class, () -> FunctionValidator.validate(Functions.fromYaml(resource))),
                "spec." + c.errorKey());
        assertThat(l.rule()).startsWith(c.rule()).isEqualTo(r.rule());
        assertThat(String.valueOf(l.value())).isEqualTo(String.valueOf(r.value()));
    }

    private static Violation only(SpecException e, String key) {
        assertThat(e).as("expected a violation of " + key).isNotNull();
        return e.violations().stream()
                .filter(v -> v.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no violation of " + key + " in " + e.violations()));
    }
}
