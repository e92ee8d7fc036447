package dev.quiver.kubernetes.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.DeployDir;
import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CRD YAML in {@code deploy/base/crds/} is what the fabric8 CRD generator makes of the resource classes. Fails
 * on any drift. After changing a resource class, regenerate with
 * {@code ./mvnw -B -f backends/kubernetes/pom.xml test -Dtest=CrdDriftTest -Dquiver.crd.write=true}.
 */
class CrdDriftTest {
    static final String HEADER = "# Generated from backends/kubernetes (dev.quiver.kubernetes.resource) by the fabric8"
            + " CRD generator: do not edit.\n# Regenerate: ./mvnw -B -f backends/kubernetes/pom.xml test"
            + " -Dtest=CrdDriftTest -Dquiver.crd.write=true\n";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"functions", "triggers", "brokers"})
    void deployedCrdEqualsTheJavaModel(String plural) throws IOException {
        Path out = Files.createDirectories(Path.of("target/generated-crds"));
        new CRDGenerator()
                .inOutputDir(out.toFile())
                .forCRDVersions("v1")
                .customResourceClasses(Function.class, Trigger.class, Broker.class)
                .generate();
        String generated = HEADER + body(Files.readString(out.resolve(plural + ".quiver.dev-v1.yml")));
        Path deployed = DeployDir.crds().resolve(plural + ".quiver.dev.yaml");
        if (Boolean.getBoolean("quiver.crd.write")) {
            Files.writeString(deployed, generated);
        }
        assertThat(deployed).exists();
        assertThat(Files.readString(deployed))
                .as("%s differs from the Java model: regenerate (see CrdDriftTest)", deployed)
                .isEqualTo(generated);
    }

    private static String body(String yaml) {
        List<String> lines = yaml.lines().filter(l -> !l.startsWith("#")).toList();
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }
}
