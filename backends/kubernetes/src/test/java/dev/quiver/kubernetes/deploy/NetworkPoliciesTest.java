package dev.quiver.kubernetes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.kubernetes.DeployDir;
import dev.quiver.kubernetes.controller.ControllerConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/base/network-policies.yaml: each Quiver pod is selected by a policy, and each of its ports is open to
 * exactly the peers docs/kubernetes.md ("Security") names; the ports the policies name exist on the pods.
 */
class NetworkPoliciesTest {
    static final Manifests BASE = Manifests.under(DeployDir.get().resolve("base"));
    static final String SAME_NAMESPACE = "same namespace";
    static final String CLIENT_NAMESPACES = "namespaces labelled quiver.dev/client=true";

    static Stream<Arguments> ports() {
        return Stream.of(
                Arguments.of("broker ingress", "quiver-broker", "http", List.of(SAME_NAMESPACE, CLIENT_NAMESPACES)),
                Arguments.of("broker admin API", "quiver-broker", "admin", List.of("pods quiver-controller")),
                Arguments.of("controller poke", "quiver-controller", "http", List.of("pods quiver-activator")),
                Arguments.of(
                        "activator traffic", "quiver-activator", "http", List.of(SAME_NAMESPACE, CLIENT_NAMESPACES)),
                Arguments.of("activator load", "quiver-activator", "admin", List.of("pods quiver-controller")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ports")
    void eachPortIsOpenToExactlyItsPeers(String label, String app, String port, List<String> peers) {
        JsonNode policy = policyFor(app);
        assertThat(strings(policy.path("spec").path("policyTypes"))).containsExactly("Ingress");
        List<String> allowed = new ArrayList<>();
        policy.path("spec").path("ingress").forEach(rule -> {
            List<String> rulePorts = new ArrayList<>();
            rule.path("ports").forEach(p -> rulePorts.add(p.path("port").asText()));
            assertThat(rulePorts).as("every rule of %s names its ports", app).isNotEmpty();
            if (rulePorts.contains(port)) {
                rule.path("from").forEach(peer -> allowed.add(describe(peer)));
            }
        });
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(peers);
        assertThat(containerPorts(app)).as("named port on the %s pods", app).containsKey(port);
    }

    @Test
    void everyQuiverDeploymentIsSelectedByAPolicy() {
        assertThat(BASE.kind("Deployment"))
                .allSatisfy(d -> assertThat(policyFor(d.name())).isNotNull());
    }

    @Test
    void theBrokerServesItsAdminApiOnTheAdminPortAndTheControllerCallsThatPort() {
        Map<String, String> env = env("quiver-broker");
        assertThat(env)
                .containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0")
                .containsEntry(
                        "QUIVER_BROKER_ADMIN_PORT",
                        String.valueOf(containerPorts("quiver-broker").get("admin")))
                .containsEntry("QUIVER_BROKER_ADMIN_ALLOW_UNAUTHENTICATED", "true");
        URI brokerUrl = URI.create(env("quiver-controller").get("QUIVER_KUBERNETES_BROKER_URL"));
        assertThat(brokerUrl.getHost()).isEqualTo(ControllerConfig.DEFAULT_BROKER_DEPLOYMENT);
        JsonNode servicePorts = BASE.one("Service", ControllerConfig.DEFAULT_BROKER_DEPLOYMENT)
                .node()
                .path("spec")
                .path("ports");
        List<String> adminTargets = new ArrayList<>();
        servicePorts.forEach(p -> {
            if (p.path("port").asInt() == brokerUrl.getPort()) {
                adminTargets.add(p.path("targetPort").asText());
            }
        });
        assertThat(adminTargets).containsExactly("admin");
    }

    private static JsonNode policyFor(String app) {
        return BASE.kind("NetworkPolicy").stream()
                .map(Manifests.Doc::node)
                .filter(p -> app.equals(p.path("spec")
                        .path("podSelector")
                        .path("matchLabels")
                        .path("app.kubernetes.io/name")
                        .asText()))
                .reduce((a, b) -> {
                    throw new AssertionError("two policies select " + app);
                })
                .orElseThrow(() -> new AssertionError("no NetworkPolicy selects " + app));
    }

    /** A peer of a rule in words: a pod label, this namespace's pods, or a namespace label. */
    private static String describe(JsonNode peer) {
        JsonNode pods = peer.path("podSelector");
        JsonNode namespaces = peer.path("namespaceSelector");
        if (!namespaces.isMissingNode()) {
            assertThat(pods.isMissingNode())
                    .as("namespace peers select whole namespaces: %s", peer)
                    .isTrue();
            assertThat(namespaces.path("matchLabels").size())
                    .as("no namespaceSelector {} (every namespace): %s", peer)
                    .isPositive();
            return "namespaces labelled "
                    + namespaces.path("matchLabels").fields().next().getKey() + "="
                    + namespaces.path("matchLabels").fields().next().getValue().asText();
        }
        if (pods.path("matchLabels").size() == 0) {
            return SAME_NAMESPACE;
        }
        return "pods " + pods.path("matchLabels").path("app.kubernetes.io/name").asText();
    }

    private static JsonNode container(String deployment) {
        return BASE.one("Deployment", deployment)
                .node()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    private static Map<String, Integer> containerPorts(String deployment) {
        Map<String, Integer> ports = new HashMap<>();
        container(deployment)
                .path("ports")
                .forEach(p -> ports.put(
                        p.path("name").asText(), p.path("containerPort").asInt()));
        return ports;
    }

    private static Map<String, String> env(String deployment) {
        Map<String, String> env = new HashMap<>();
        container(deployment).path("env").forEach(e -> {
            if (e.has("value")) {
                env.put(e.path("name").asText(), e.path("value").asText());
            }
        });
        return env;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
