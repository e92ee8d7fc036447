package dev.quiver.api.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.function.FunctionDocumentReader.Target;
import dev.quiver.api.trigger.Filter;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.Trigger;
import dev.quiver.scaler.spec.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionDocumentReaderTest {

    /** The same body, as a local file (name + artifact) and as a Function resource's spec (image). */
    static FunctionDocument local(String body) {
        return FunctionDocumentReader.readYaml("name: fn\nartifact: app.jar\n" + body);
    }

    static FunctionDocument resource(String body) {
        return FunctionDocumentReader.readResource("fn", FunctionDocumentReader.parseYaml("image: img\n" + body));
    }

    record Valid(
            String label,
            String body,
            List<Trigger> scaledOn,
            boolean http,
            boolean broker,
            Optional<FunctionDocument.KafkaTrigger> kafka) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                        new Valid("no triggers: http", "", List.of(Trigger.HTTP), true, false, Optional.empty()),
                        new Valid(
                                "empty triggers: http",
                                "triggers: {}\n",
                                List.of(Trigger.HTTP),
                                true,
                                false,
                                Optional.empty()),
                        new Valid(
                                "http: {}",
                                "triggers: {http: {}}\n",
                                List.of(Trigger.HTTP),
                                true,
                                false,
                                Optional.empty()),
                        new Valid(
                                "http: true",
                                "triggers: {http: true}\n",
                                List.of(Trigger.HTTP),
                                true,
                                false,
                                Optional.empty()),
                        new Valid(
                                "broker implies http",
                                "triggers: {broker: {filters: [{exact: {type: t}}]}}\n",
                                List.of(Trigger.HTTP),
                                true,
                                true,
                                Optional.empty()),
                        new Valid(
                                "kafka alone: lag only",
                                "triggers: {kafka: {topic: t}}\n",
                                List.of(Trigger.KAFKA),
                                false,
                                false,
                                Optional.of(new FunctionDocument.KafkaTrigger("t", "quiver-fn"))),
                        new Valid(
                                "kafka and http",
                                "triggers: {http: {}, kafka: {topic: t, group: g, lag: {lagThreshold: 5}}}\n",
                                List.of(Trigger.HTTP, Trigger.KAFKA),
                                true,
                                false,
                                Optional.of(new FunctionDocument.KafkaTrigger("t", "g"))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void bothBackendsReadTheSameFunction(Valid c) {
        for (FunctionDocument d : List.of(local(c.body()), resource(c.body()))) {
            assertThat(d.scaling().triggers()).containsExactlyInAnyOrderElementsOf(c.scaledOn());
            assertThat(d.triggers().http()).isEqualTo(c.http());
            assertThat(d.triggers().broker().isPresent()).isEqualTo(c.broker());
            assertThat(d.triggers().kafka()).isEqualTo(c.kafka());
        }
        FunctionDocument l = local(c.body());
        FunctionDocument r = resource(c.body());
        assertThat(r)
                .isEqualTo(new FunctionDocument(
                        l.name(),
                        Optional.empty(),
                        Optional.of("img"),
                        l.jvmOptions(),
                        l.jvm(),
                        l.properties(),
                        l.env(),
                        l.scaling(),
                        l.triggers()));
    }

    record Invalid(String label, String body, String key, String rule, Object value) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                        new Invalid("unknown top key", "replicas: 3\n", "replicas", "is not a known key", 3),
                        new Invalid(
                                "scale rule",
                                "scale: {minScale: 5, maxScale: 2}\n",
                                "scale.maxScale",
                                "must be >= minScale (5) or 0",
                                2),
                        new Invalid(
                                "unknown scale key",
                                "scale: {warmpool: 1}\n",
                                "scale.warmpool",
                                "is not a known key",
                                1),
                        new Invalid(
                                "lag rule",
                                "triggers: {kafka: {topic: t, lag: {lagThreshold: 0}}}\n",
                                "triggers.kafka.lag.lagThreshold",
                                "must be > 0",
                                0),
                        new Invalid(
                                "kafka topic required",
                                "triggers: {kafka: {group: g}}\n",
                                "triggers.kafka.topic",
                                "is required",
                                null),
                        new Invalid(
                                "unknown trigger",
                                "triggers: {cron: {}}\n",
                                "triggers.cron",
                                "is not a known key",
                                Map.of()),
                        new Invalid(
                                "http takes no settings",
                                "triggers: {http: {path: /x}}\n",
                                "triggers.http.path",
                                "is not a known key",
                                "/x"),
                        new Invalid(
                                "unknown filter dialect",
                                "triggers: {broker: {filters: [{regex: x}]}}\n",
                                "triggers.broker.filters[0]",
                                "has an unknown dialect",
                                "regex"),
                        new Invalid(
                                "bad delivery",
                                "triggers: {broker: {delivery: {backoffPolicy: random}}}\n",
                                "triggers.broker.delivery.backoffPolicy",
                                "must be linear or exponential",
                                "random"),
                        new Invalid(
                                "properties not plain",
                                "properties: {a: {b: c}}\n",
                                "properties.a",
                                "must be a plain value",
                                Map.of("b", "c")),
                        new Invalid("env name", "env: {1x: y}\n", "env.1x", "must be a C identifier", "1x"),
                        new Invalid(
                                "jvmOptions not strings",
                                "jvmOptions: [1]\n",
                                "jvmOptions",
                                "must be a list of strings",
                                List.of(1)),
                        new Invalid(
                                "LD_PRELOAD env",
                                "env: {LD_PRELOAD: /tmp/x.so}\n",
                                "env.LD_PRELOAD",
                                "must not be a dynamic linker variable (LD_*)",
                                "LD_PRELOAD"),
                        new Invalid(
                                "LD_LIBRARY_PATH env",
                                "env: {LD_LIBRARY_PATH: /tmp}\n",
                                "env.LD_LIBRARY_PATH",
                                "must not be a dynamic linker variable (LD_*)",
                                "LD_LIBRARY_PATH"),
                        new Invalid(
                                "JAVA_TOOL_OPTIONS env",
                                "env: {JAVA_TOOL_OPTIONS: -Xmx1g}\n",
                                "env.JAVA_TOOL_OPTIONS",
                                "must not be a JVM options variable",
                                "JAVA_TOOL_OPTIONS"),
                        new Invalid(
                                "_JAVA_OPTIONS env",
                                "env: {_JAVA_OPTIONS: -Xmx1g}\n",
                                "env._JAVA_OPTIONS",
                                "must not be a JVM options variable",
                                "_JAVA_OPTIONS"),
                        new Invalid(
                                "JDK_JAVA_OPTIONS env",
                                "env: {JDK_JAVA_OPTIONS: -Xmx1g}\n",
                                "env.JDK_JAVA_OPTIONS",
                                "must not be a JVM options variable",
                                "JDK_JAVA_OPTIONS"),
                        new Invalid(
                                "OnOutOfMemoryError runs a program",
                                "jvmOptions: [-Xss1m, \"-XX:OnOutOfMemoryError=sh -c x\"]\n",
                                "jvmOptions[1]",
                                "must not be -XX:OnOutOfMemoryError",
                                "-XX:OnOutOfMemoryError=sh -c x"),
                        new Invalid(
                                "OnError runs a program",
                                "jvmOptions: [\"-XX:OnError=rm -rf /\"]\n",
                                "jvmOptions[0]",
                                "must not be -XX:OnError",
                                "-XX:OnError=rm -rf /"),
                        new Invalid(
                                "native agent",
                                "jvmOptions: [-agentpath:/tmp/a.so]\n",
                                "jvmOptions[0]",
                                "must not be -agentpath",
                                "-agentpath:/tmp/a.so"),
                        new Invalid(
                                "debug agent",
                                "jvmOptions: [\"-agentlib:jdwp=transport=dt_socket,server=y\"]\n",
                                "jvmOptions[0]",
                                "must not be -agentlib",
                                "-agentlib:jdwp=transport=dt_socket,server=y"),
                        new Invalid(
                                "java agent",
                                "jvmOptions: [-javaagent:/tmp/a.jar]\n",
                                "jvmOptions[0]",
                                "must not be -javaagent",
                                "-javaagent:/tmp/a.jar"),
                        new Invalid(
                                "options file",
                                "jvmOptions: [-XX:VMOptionsFile=/tmp/o]\n",
                                "jvmOptions[0]",
                                "must not be -XX:VMOptionsFile",
                                "-XX:VMOptionsFile=/tmp/o"),
                        new Invalid(
                                "argument file",
                                "jvmOptions: [\"@/tmp/args\"]\n",
                                "jvmOptions[0]",
                                "must not be an @argument file",
                                "@/tmp/args"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void bothBackendsRejectTheSameDocumentWithTheSameViolation(Invalid c) {
        for (Target target : Target.values()) {
            assertThatThrownBy(() -> {
                        if (target == Target.LOCAL) {
                            local(c.body());
                        } else {
                            resource(c.body());
                        }
                    })
                    .as(target.name())
                    .isInstanceOfSatisfying(
                            SpecException.class,
                            e -> assertThat(e.violations()).anySatisfy(v -> {
                                assertThat(v.key()).isEqualTo(c.key());
                                assertThat(v.rule()).startsWith(c.rule());
                                assertThat(String.valueOf(v.value())).isEqualTo(String.valueOf(c.value()));
                            }));
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "-Xss1m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dquarkus.log.level=DEBUG",
                "-XX:+HeapDumpOnOutOfMemoryError"
            })
    void ordinaryJvmOptionsAndEnvArePassed(String option) {
        assertThat(local("jvmOptions: [\"" + option + "\"]\nenv: {LOAD_FACTOR: x, JAVA_HOME_X: y}\n")
                        .jvmOptions())
                .containsExactly(option);
    }

    @Test
    void eachBackendRequiresItsOwnCodeKeyAndRefusesTheOther() {
        assertThatThrownBy(() -> FunctionDocumentReader.readYaml("name: a\nimage: x\n"))
                .hasMessageContaining("artifact: is required")
                .hasMessageContaining("image: is not a known key");
        assertThatThrownBy(() -> FunctionDocumentReader.readResource("a", Map.of("artifact", "x.jar")))
                .hasMessageContaining("image: is required (a container image)")
                .hasMessageContaining("artifact: is not a known key");
        assertThatThrownBy(() -> FunctionDocumentReader.readResource("a", Map.of("image", "x", "jvm", Map.of())))
                .hasMessageContaining("jvm: is not a known key");
    }

    @Test
    void theResourceNameIsValidatedAsTheFunctionName() {
        assertThatThrownBy(() -> FunctionDocumentReader.readResource("A_b", Map.of("image", "x")))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::key)
                                .containsExactly("name"));
    }

    @Test
    void everyKeyIsRead() {
        FunctionDocument d = FunctionDocumentReader.readYaml("""
                name: orders
                artifact: app.jar
                jvmOptions: [-XX:TieredStopAtLevel=1]
                jvm: {java: /opt/jdk25/bin/java, archive: aot}
                properties: {quiver.container-concurrency: 4, b: x}
                env: {REGION: eu}
                scale: {target: 5, warmPool: 2, maxScale: 6}
                triggers:
                  broker:
                    broker: shop
                    filters: [{prefix: {type: com.example.}}, {not: {cesql: "EXISTS test"}}]
                    delivery: {retry: 2, backoffDelay: PT1S, deadLetterSink: {uri: "kafka:dead"}}
                  kafka: {topic: orders, lag: {lagThreshold: 50}}
                """);

        assertThat(d.name()).isEqualTo("orders");
        assertThat(d.artifact()).contains("app.jar");
        assertThat(d.image()).isEmpty();
        assertThat(d.jvmOptions()).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(d.jvm()).isEqualTo(new FunctionDocument.Jvm(Optional.of("/opt/jdk25/bin/java"), Optional.of("aot")));
        assertThat(d.properties()).containsExactly(Map.entry("quiver.container-concurrency", "4"), Map.entry("b", "x"));
        assertThat(d.env()).containsExactly(Map.entry("REGION", "eu"));
        assertThat(d.scaling().scale().warmPool()).isEqualTo(2);
        assertThat(d.scaling().lag().lagThreshold()).isEqualTo(50);
        assertThat(d.triggers().broker())
                .contains(new FunctionDocument.BrokerTrigger(
                        "shop",
                        List.of(Filter.prefix("type", "com.example."), Filter.not(Filter.cesql("EXISTS test"))),
                        Optional.of(new TriggerDocument.Delivery(
                                2,
                                null,
                                "PT1S",
                                null,
                                null,
                                dev.quiver.api.eventing.Destination.ofUri("kafka:dead")))));
        assertThat(d.triggers().kafka()).contains(new FunctionDocument.KafkaTrigger("orders", "quiver-orders"));
    }

    @Test
    void notYamlAndNotAMapAreNamed() {
        assertThatThrownBy(() -> FunctionDocumentReader.readYaml("name: [a")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> FunctionDocumentReader.readYaml("- a\n- b"))
                .hasMessageStartingWith("the document: must be a map of settings");
    }
}
