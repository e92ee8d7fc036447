package dev.quiver.local.config;

import dev.quiver.local.supervise.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The validated {@code quiver.platform.supervise.*} settings; every error names the key, the rule, the value. */
public record SuperviseSettings(
        boolean enabled,
        Duration readyTimeout,
        Duration stopTimeout,
        RestartPolicy restart,
        int kafkaPort,
        int kafkaControllerPort,
        String kafkaMaxHeap,
        String kafkaClassPath,
        int brokerPort,
        String brokerMaxHeap,
        Path brokerJar,
        boolean sourcesEnabled,
        int sourcesPort,
        int s3Port,
        String sourcesMaxHeap,
        Path sourcesJar,
        String bind,
        Optional<String> s3AccessKey,
        Optional<String> s3SecretKey) {

    /** The secret the object store once shipped with: published, so never accepted off loopback. */
    public static final String DEFAULT_S3_SECRET = "quiver-secret";

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");
    private static final String P = "quiver.platform.supervise.";

    /** With the loopback bind. */
    public static SuperviseSettings from(SuperviseConfig c, Path home) {
        return from(c, home, "127.0.0.1");
    }

    /**
     * @param home the base of relative paths ({@code quiver.platform.home})
     * @param bind where the supervised processes listen ({@code quiver.platform.bind})
     */
    public static SuperviseSettings from(SuperviseConfig c, Path home, String bind) {
        List<String> errors = new ArrayList<>();
        check(errors, positive(c.readyTimeout()), "ready-timeout", "must be > 0", c.readyTimeout());
        check(errors, positive(c.stopTimeout()), "stop-timeout", "must be > 0", c.stopTimeout());
        var r = c.restart();
        check(errors, positive(r.initialBackoff()), "restart.initial-backoff", "must be > 0", r.initialBackoff());
        check(
                errors,
                r.maxBackoff().compareTo(r.initialBackoff()) >= 0,
                "restart.max-backoff",
                "must be >= restart.initial-backoff (" + r.initialBackoff() + ")",
                r.maxBackoff());
        check(errors, r.maxRestarts() >= 0, "restart.max-restarts", "must be >= 0", r.maxRestarts());
        check(errors, !r.resetAfter().isNegative(), "restart.reset-after", "must be >= 0", r.resetAfter());
        var k = c.kafka();
        port(errors, "kafka.port", k.port());
        check(
                errors,
                k.controllerPort() >= 0 && k.controllerPort() <= 65535,
                "kafka.controller-port",
                "must be 0..65535",
                k.controllerPort());
        heap(errors, "kafka.max-heap", k.maxHeap());
        check(errors, !k.classPath().isBlank(), "kafka.class-path", "must not be empty", k.classPath());
        var b = c.broker();
        port(errors, "broker.port", b.port());
        heap(errors, "broker.max-heap", b.maxHeap());
        var s = c.sources();
        port(errors, "sources.port", s.port());
        port(errors, "sources.s3-port", s.s3Port());
        heap(errors, "sources.max-heap", s.maxHeap());
        Optional<String> accessKey = s.s3AccessKey().map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> secretKey = s.s3SecretKey().map(String::strip).filter(v -> !v.isEmpty());
        check(
                errors,
                accessKey.isPresent() == secretKey.isPresent(),
                "sources.s3-access-key",
                "and sources.s3-secret-key must be set together (or neither: generated)",
                accessKey.isPresent() ? "set" : "empty");
        check(
                errors,
                secretKey.map(v -> v.length() >= 8).orElse(true),
                "sources.s3-secret-key",
                "must have at least 8 characters",
                "***");
        check(
                errors,
                Binds.loopback(bind)
                        || !s.enabled()
                        || !secretKey.map(DEFAULT_S3_SECRET::equals).orElse(false),
                "sources.s3-secret-key",
                "must not be the published default secret when quiver.platform.bind is not loopback (" + bind
                        + "): unset it to have one generated",
                "***");
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid Quiver platform configuration: " + String.join("; ", errors));
        }
        String classPath = String.join(
                java.io.File.pathSeparator,
                java.util.Arrays.stream(k.classPath().split(java.io.File.pathSeparator))
                        .map(e -> home.resolve(e).toString())
                        .toList());
        return new SuperviseSettings(
                c.enabled(),
                c.readyTimeout(),
                c.stopTimeout(),
                new RestartPolicy(r.initialBackoff(), r.maxBackoff(), r.maxRestarts(), r.resetAfter()),
                k.port(),
                k.controllerPort() == 0 ? k.port() + 1 : k.controllerPort(),
                k.maxHeap(),
                classPath,
                b.port(),
                b.maxHeap(),
                home.resolve(b.jar()).normalize(),
                s.enabled(),
                s.port(),
                s.s3Port(),
                s.maxHeap(),
                home.resolve(s.jar()).normalize(),
                bind,
                accessKey,
                secretKey);
    }

    private static void port(List<String> errors, String key, int port) {
        check(errors, port >= 1 && port <= 65535, key, "must be 1..65535", port);
    }

    private static void heap(List<String> errors, String key, String heap) {
        check(errors, HEAP.matcher(heap).matches(), key, "must be like 256m", heap);
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void check(List<String> errors, boolean ok, String key, String rule, Object value) {
        if (!ok) {
            errors.add(P + key + " " + rule + ", but was '" + value + "'");
        }
    }
}
