package dev.quiver.kubernetes.workload;

import dev.quiver.kubernetes.model.FunctionModel;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The pod spec of a function's instances, shared by the Deployment's template and the warm pods: one container,
 * port {@code http} 8080, readiness {@code /q/health/ready}, liveness {@code /q/health/live}, a termination grace long
 * enough for the runtime's SIGTERM drain.
 */
public final class PodTemplates {
    public static final int PORT = 8080;
    public static final String PORT_NAME = "http";
    public static final String CONTAINER = "function";

    private PodTemplates() {}

    public static PodSpec spec(FunctionModel f, Map<String, String> platformEnv) {
        return new PodSpecBuilder()
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(f.image())
                .addNewPort()
                .withName(PORT_NAME)
                .withContainerPort(PORT)
                .withProtocol("TCP")
                .endPort()
                .withEnv(env(f, platformEnv))
                .withReadinessProbe(probe("/q/health/ready", 1))
                .withLivenessProbe(probe("/q/health/live", 10))
                .endContainer()
                .withTerminationGracePeriodSeconds(45L)
                .withEnableServiceLinks(false)
                .build();
    }

    /** A short hash of the pod spec: changes when the image, env or probes change. */
    public static String revision(PodSpec spec) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256").digest(spec.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<EnvVar> env(FunctionModel f, Map<String, String> platformEnv) {
        List<EnvVar> env = new ArrayList<>();
        platformEnv.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> env.add(new EnvVar(e.getKey(), e.getValue(), null)));
        env.add(new EnvVar("QUIVER_FUNCTION_NAME", f.name(), null));
        f.kafka().ifPresent(k -> {
            env.add(new EnvVar("QUIVER_KAFKA_TOPIC", k.topic(), null));
            env.add(new EnvVar("QUIVER_KAFKA_GROUP", k.group(), null));
        });
        f.env().forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        return env;
    }

    private static Probe probe(String path, int period) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withPort(new IntOrString(PORT_NAME))
                .endHttpGet()
                .withPeriodSeconds(period)
                .withFailureThreshold(3)
                .build();
    }
}
