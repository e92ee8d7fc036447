package dev.quiver.kubernetes.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.kubernetes.DeployDir;
import dev.quiver.kubernetes.activator.ActivatorSettings;
import dev.quiver.kubernetes.controller.ControllerConfig;
import dev.quiver.kubernetes.controller.Role;
import dev.quiver.kubernetes.controller.WatchedNamespaces;
import dev.quiver.kubernetes.eventing.BrokerNames;
import dev.quiver.kubernetes.eventing.BrokerReconciler;
import dev.quiver.kubernetes.model.FunctionValidator;
import dev.quiver.kubernetes.resource.Broker;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.Trigger;
import dev.quiver.kubernetes.workload.PodTemplates;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/: every reference resolves, RBAC covers what the controller does, the examples are valid Functions. */
class DeployManifestsTest {
    static final Path DEPLOY = DeployDir.get();
    static final Manifests BASE = Manifests.under(DEPLOY.resolve("base"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/strimzi", "overlays/all-namespaces"})
    void kustomizationReferencesExist(String dir) throws IOException {
        Path k = DEPLOY.resolve(dir).resolve("kustomization.yaml");
        JsonNode n = Manifests.under(k.getParent()).docs().stream()
                .filter(d -> d.file().equals(k))
                .findFirst()
                .orElseThrow()
                .node();
        List<String> paths = new ArrayList<>();
        n.path("resources").forEach(r -> paths.add(r.asText()));
        n.path("patches").forEach(p -> paths.add(p.path("path").asText()));
        assertThat(paths)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(k.getParent().resolve(p)).exists());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/strimzi", "overlays/all-namespaces"})
    void kubectlKustomizeRendersCleanly(String dir) throws Exception {
        assumeThat(onPath("kubectl")).as("kubectl on PATH").isTrue();
        Process p = new ProcessBuilder(
                        "kubectl", "kustomize", DEPLOY.resolve(dir).toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("kind: CustomResourceDefinition", "name: quiver-controller", "namespace: quiver");
    }

    @Test
    void deploymentsReferToServiceAccountsAndConfigThatExist() {
        JsonNode config = BASE.one("ConfigMap", "quiver-config").node().path("data");
        assertThat(BASE.kind("Deployment")).hasSize(3).allSatisfy(d -> {
            JsonNode pod = d.node().path("spec").path("template");
            assertThat(BASE.one(
                            "ServiceAccount",
                            pod.path("spec").path("serviceAccountName").asText()))
                    .isNotNull();
            assertThat(labels(pod.path("metadata").path("labels")))
                    .containsAllEntriesOf(
                            labels(d.node().path("spec").path("selector").path("matchLabels")));
            pod.findValues("configMapKeyRef").forEach(ref -> {
                if (ref.path("name").asText().equals(ControllerConfig.DEFAULT_BROKER_NAMES_CONFIG_MAP)) {
                    // written by the controller: missing until the first Broker resource
                    assertThat(ref.path("key").asText()).isEqualTo(BrokerReconciler.NAMES_KEY);
                    assertThat(ref.path("optional").asBoolean())
                            .as(ref.toString())
                            .isTrue();
                } else {
                    assertThat(ref.path("name").asText()).isEqualTo("quiver-config");
                    assertThat(config.has(ref.path("key").asText()))
                            .as(ref.toString())
                            .isTrue();
                }
            });
        });
    }

    @Test
    void servicesSelectPodsOfADeployment() {
        List<Map<String, String>> podLabels = BASE.kind("Deployment").stream()
                .map(d -> labels(
                        d.node().path("spec").path("template").path("metadata").path("labels")))
                .toList();
        assertThat(BASE.kind("Service")).isNotEmpty().allSatisfy(s -> {
            Map<String, String> sel = labels(s.node().path("spec").path("selector"));
            assertThat(podLabels).as(s.name()).anySatisfy(l -> assertThat(l).containsAllEntriesOf(sel));
        });
    }

    @Test
    void theBrokerDeploymentReadsTheNamesTheControllerWrites() {
        JsonNode broker = container(ControllerConfig.DEFAULT_BROKER_DEPLOYMENT);
        assertThat(broker.path("env").findValues("configMapKeyRef")).anySatisfy(ref -> {
            assertThat(ref.path("name").asText()).isEqualTo(ControllerConfig.DEFAULT_BROKER_NAMES_CONFIG_MAP);
            assertThat(ref.path("key").asText()).isEqualTo(BrokerReconciler.NAMES_KEY);
        });
        assertThat(BASE.one("Service", ControllerConfig.DEFAULT_BROKER_DEPLOYMENT))
                .isNotNull();
        assertThat(rules())
                .anySatisfy(r -> {
                    assertThat(strings(r.path("resources"))).containsExactly("configmaps");
                    assertThat(strings(r.path("verbs"))).containsExactly("create");
                })
                .anySatisfy(r -> {
                    assertThat(strings(r.path("resources"))).containsExactly("configmaps");
                    assertThat(strings(r.path("resourceNames")))
                            .containsExactly(ControllerConfig.DEFAULT_BROKER_NAMES_CONFIG_MAP);
                    assertThat(strings(r.path("verbs"))).contains("get", "patch");
                })
                .filteredOn(r -> strings(r.path("resources")).contains("configmaps"))
                .allSatisfy(r -> assertThat(strings(r.path("verbs"))).doesNotContain("list", "watch", "delete"));
    }

    @Test
    void theControllersDefaultActivatorSelectorMatchesTheActivatorPods() {
        String[] kv = ControllerConfig.DEFAULT_ACTIVATOR_SELECTOR.split("=");
        assertThat(labels(BASE.one("Deployment", "quiver-activator")
                        .node()
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels")))
                .containsEntry(kv[0], kv[1]);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "quiver.dev, functions, watch",
        "quiver.dev, functions/status, patch",
        "apps, deployments, create",
        "quiver.dev, brokers, list",
        "quiver.dev, brokers, watch",
        "quiver.dev, brokers/status, patch",
        "'', configmaps, create",
        "apps, deployments, patch",
        "apps, deployments, deletecollection",
        "'', services, create",
        "'', services, patch",
        "'', pods, create",
        "'', pods, patch",
        "'', pods, delete",
        "'', pods, list",
        "discovery.k8s.io, endpointslices, create",
        "discovery.k8s.io, endpointslices, update",
        "discovery.k8s.io, endpointslices, deletecollection",
        "'', pods, watch"
    })
    void controllerRoleAllowsWhatTheControllerDoes(String group, String resource, String verb) {
        assertThat(rules()).anySatisfy(r -> {
            assertThat(strings(r.path("apiGroups"))).contains(group);
            assertThat(strings(r.path("resources"))).contains(resource);
            assertThat(strings(r.path("verbs"))).contains(verb);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quiver-controller", "quiver-activator"})
    void rolesAreNamespacedAndGrantNoWildcards(String role) {
        assertThat(BASE.kind("ClusterRole")).isEmpty();
        assertThat(rules(role))
                .allSatisfy(r -> assertThat(strings(r.path("verbs"))).doesNotContain("*"))
                .allSatisfy(r -> assertThat(strings(r.path("resources"))).doesNotContain("*", "secrets"));
    }

    /** What the controller does in a Function's namespace: the all-namespaces overlay's ClusterRole allows it. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "quiver.dev, functions, watch",
        "quiver.dev, functions/status, patch",
        "apps, deployments, create",
        "apps, deployments, patch",
        "apps, deployments, deletecollection",
        "'', services, create",
        "'', services, update",
        "'', pods, create",
        "'', pods, patch",
        "'', pods, delete",
        "'', pods, list",
        "'', pods, watch",
        "discovery.k8s.io, endpointslices, create",
        "discovery.k8s.io, endpointslices, update",
        "discovery.k8s.io, endpointslices, deletecollection"
    })
    void theClusterRoleOfTheAllNamespacesOverlayAllowsWhatTheControllerDoesInAFunctionsNamespace(
            String group, String resource, String verb) {
        assertThat(clusterRules("quiver-controller-functions")).anySatisfy(r -> {
            assertThat(strings(r.path("apiGroups"))).contains(group);
            assertThat(strings(r.path("resources"))).contains(resource);
            assertThat(strings(r.path("verbs"))).contains(verb);
        });
    }

    @Test
    void theAllNamespacesOverlayGrantsNoConfigMapsSecretsOrWildcardsClusterWide() {
        Manifests all = Manifests.under(DEPLOY.resolve("overlays/all-namespaces"));
        assertThat(all.kind("ClusterRole"))
                .hasSize(2)
                .allSatisfy(c -> c.node().path("rules").forEach(r -> {
                    assertThat(strings(r.path("verbs"))).doesNotContain("*");
                    assertThat(strings(r.path("resources")))
                            .doesNotContain("*", "secrets", "configmaps", "triggers", "brokers");
                    assertThat(strings(r.path("apiGroups"))).doesNotContain("*");
                }));
        assertThat(clusterRules("quiver-activator-functions"))
                .hasSize(3)
                .allSatisfy(
                        r -> assertThat(strings(r.path("verbs"))).containsExactlyInAnyOrder("get", "list", "watch"));
        assertThat(all.kind("ClusterRoleBinding")).hasSize(2).allSatisfy(b -> {
            assertThat(all.one(
                            "ClusterRole", b.node().path("roleRef").path("name").asText()))
                    .isNotNull();
            b.node().path("subjects").forEach(s -> {
                assertThat(BASE.one("ServiceAccount", s.path("name").asText())).isNotNull();
                assertThat(s.path("namespace").asText()).isEqualTo("quiver");
            });
        });
    }

    @Test
    void theAllNamespacesOverlayMakesTheControllerAndTheActivatorWatchEveryNamespace() {
        Manifests all = Manifests.under(DEPLOY.resolve("overlays/all-namespaces"));
        assertThat(all.kind("Deployment"))
                .extracting(Manifests.Doc::name)
                .containsExactlyInAnyOrder("quiver-controller", "quiver-activator");
        all.kind("Deployment").forEach(d -> {
            JsonNode patched = d.node()
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            assertThat(patched.path("name").asText())
                    .as("patches the base's container")
                    .isEqualTo(container(d.name()).path("name").asText());
            Map<String, String> env = new HashMap<>();
            patched.path("env")
                    .forEach(e ->
                            env.put(e.path("name").asText(), e.path("value").asText()));
            assertThat(WatchedNamespaces.parse(
                                    java.util.Optional.ofNullable(env.get("QUIVER_KUBERNETES_NAMESPACES")), "quiver")
                            .all())
                    .as(d.name())
                    .isTrue();
        });
    }

    private static List<JsonNode> clusterRules(String name) {
        List<JsonNode> out = new ArrayList<>();
        Manifests.under(DEPLOY.resolve("overlays/all-namespaces"))
                .one("ClusterRole", name)
                .node()
                .path("rules")
                .forEach(out::add);
        return out;
    }

    @Test
    void onlyServiceAccountsBoundToARoleGetAToken() {
        List<String> bound = new ArrayList<>();
        BASE.kind("RoleBinding").forEach(b -> {
            assertThat(BASE.one("Role", b.node().path("roleRef").path("name").asText()))
                    .isNotNull();
            b.node().path("subjects").forEach(s -> bound.add(s.path("name").asText()));
        });
        assertThat(bound).containsExactlyInAnyOrder("quiver-controller", "quiver-activator");
        assertThat(BASE.kind("ServiceAccount"))
                .filteredOn(s -> !bound.contains(s.name()))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(
                                s.node().path("automountServiceAccountToken").asBoolean(true))
                        .isFalse());
    }

    @Test
    void theActivatorMayOnlyReadFunctionsEndpointSlicesAndPods() {
        assertThat(rules("quiver-activator"))
                .hasSize(3)
                .allSatisfy(
                        r -> assertThat(strings(r.path("verbs"))).containsExactlyInAnyOrder("get", "list", "watch"));
        assertThat(rules("quiver-activator"))
                .anySatisfy(r -> {
                    assertThat(strings(r.path("apiGroups"))).containsExactly("discovery.k8s.io");
                    assertThat(strings(r.path("resources"))).containsExactly("endpointslices");
                })
                .anySatisfy(r -> {
                    assertThat(strings(r.path("apiGroups"))).containsExactly("quiver.dev");
                    assertThat(strings(r.path("resources"))).containsExactly("functions");
                })
                .anySatisfy(r -> {
                    assertThat(strings(r.path("apiGroups"))).containsExactly("");
                    assertThat(strings(r.path("resources"))).containsExactly("pods");
                });
    }

    @Test
    void theActivatorRunsTheControllerImageInTheActivatorRoleOnThePortItsServiceTargets() {
        JsonNode controller = container("quiver-controller");
        JsonNode activator = container("quiver-activator");
        assertThat(activator.path("image").asText())
                .isEqualTo(controller.path("image").asText());
        Map<String, String> env = new HashMap<>();
        activator
                .path("env")
                .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        assertThat(Role.of(env.get("QUIVER_KUBERNETES_ROLE"))).isEqualTo(Role.ACTIVATOR);
        assertThat(ActivatorSettings.controllerUrl(env.get("QUIVER_KUBERNETES_CONTROLLER_URL"))
                        .getHost())
                .isEqualTo(BASE.one("Service", "quiver-controller").name());
        Map<String, Integer> ports = new HashMap<>();
        activator
                .path("ports")
                .forEach(p -> ports.put(
                        p.path("name").asText(), p.path("containerPort").asInt()));
        assertThat(ports)
                .containsEntry("http", Integer.parseInt(ControllerConfig.DEFAULT_ACTIVATOR_PORT))
                .containsEntry("admin", 8080);
        assertThat(activator.path("readinessProbe").path("httpGet").path("port").asText())
                .isEqualTo("admin");
        // a Function's Service in proxy mode targets the port named http on the activator pods
        assertThat(BASE.one("Service", "quiver-activator")
                        .node()
                        .path("spec")
                        .path("ports")
                        .get(0)
                        .path("targetPort")
                        .asText())
                .isEqualTo(PodTemplates.PORT_NAME);
    }

    @Test
    void everyImageIsOneTheKustomizationSets() {
        JsonNode k = BASE.docs().stream()
                .filter(d -> d.file().endsWith("kustomization.yaml"))
                .findFirst()
                .orElseThrow()
                .node();
        List<String> images = new ArrayList<>();
        k.path("images").forEach(i -> images.add(i.path("name").asText()));
        assertThat(BASE.kind("Deployment"))
                .allSatisfy(d -> assertThat(images)
                        .contains(d.node()
                                .path("spec")
                                .path("template")
                                .path("spec")
                                .path("containers")
                                .get(0)
                                .path("image")
                                .asText()));
        assertThat(images).doesNotContain("quiver/activator");
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

    @Test
    void examplesAreValidResources() throws IOException {
        Manifests examples = Manifests.under(DEPLOY.resolve("examples"));
        assertThat(examples.kind("Function")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(d -> {
            Function f = Serialization.unmarshal(d.node().toString(), Function.class);
            assertThat(FunctionValidator.validate(f).name()).isEqualTo(d.name());
        });
        assertThat(examples.kind("Trigger"))
                .allSatisfy(d -> assertThat(Serialization.unmarshal(d.node().toString(), Trigger.class)
                                .getSpec()
                                .getSubscriber())
                        .isNotNull());
        assertThat(examples.kind("Broker"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(BrokerNames.of(
                                        List.of(Serialization.unmarshal(d.node().toString(), Broker.class)))
                                .violations())
                        .isEmpty());
        List<String> brokers =
                examples.kind("Broker").stream().map(Manifests.Doc::name).toList();
        assertThat(examples.kind("Trigger"))
                .allSatisfy(d -> assertThat(brokers)
                        .contains(d.node().path("spec").path("broker").asText("default")));
    }

    private static List<JsonNode> rules() {
        return rules("quiver-controller");
    }

    private static List<JsonNode> rules(String role) {
        List<JsonNode> out = new ArrayList<>();
        BASE.one("Role", role).node().path("rules").forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, String> labels(JsonNode n) {
        Map<String, String> m = new HashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static boolean onPath(String exe) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
    }
}
