package dev.quiver.local.config;

import dev.quiver.local.launch.Archive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The validated settings; every error names the key, the rule and the bad value. */
public record PlatformSettings(
        Path home,
        Path dataDir,
        Optional<Path> functionsDir,
        ActivatorSettings activator,
        InstanceSettings instances,
        Duration scrapeInterval,
        int historySeconds,
        Optional<String> kafkaBootstrap,
        Optional<String> brokerUrl,
        SecuritySettings security,
        Duration triggerResync) {

    /**
     * @param bind where the platform's servers listen
     * @param controlToken the control API token given by setting
     * @param controlTokenFile where the token is read from, or generated into at first start
     * @param artifactDirs where a spec's artifact may resolve (the home first), each a real path when it exists
     */
    public record SecuritySettings(
            String bind, Optional<String> controlToken, Path controlTokenFile, List<Path> artifactDirs) {
        public SecuritySettings {
            artifactDirs = List.copyOf(artifactDirs);
        }

        /** Whether {@link #bind} is a loopback address (127.0.0.0/8, ::1, localhost). */
        public boolean loopback() {
            return Binds.loopback(bind);
        }
    }

    public record ActivatorSettings(
            int port,
            String host,
            String domain,
            int queueSize,
            Duration timeout,
            int maxBodySize,
            int retryAfterSeconds,
            int servers,
            long maxQueuedBytes) {
        public ActivatorSettings(
                int port,
                String host,
                String domain,
                int queueSize,
                Duration timeout,
                int maxBodySize,
                int retryAfterSeconds,
                int servers) {
            this(
                    port,
                    host,
                    domain,
                    queueSize,
                    timeout,
                    maxBodySize,
                    retryAfterSeconds,
                    servers,
                    dev.quiver.control.activator.ActivatorSettings.DEFAULT_MAX_QUEUED_BYTES);
        }
    }

    /** @param java the explicit launcher, if configured; else the plan chooses (see {@code launch.LaunchPlan}) */
    public record InstanceSettings(
            String maxHeap,
            Duration readyTimeout,
            Duration drainTimeout,
            Duration probeInterval,
            Optional<String> java,
            Archive archive,
            List<String> onDemandJvmOptions) {
        public InstanceSettings {
            onDemandJvmOptions = List.copyOf(onDemandJvmOptions);
        }
    }

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");
    private static final String P = "quiver.platform.";

    public static PlatformSettings from(PlatformConfig c) {
        List<String> errors = new ArrayList<>();
        var a = c.activator();
        check(errors, a.port() >= 0 && a.port() <= 65535, "activator.port", "must be 0..65535", a.port());
        check(errors, a.queueSize() >= 1, "activator.queue-size", "must be >= 1", a.queueSize());
        check(errors, positive(a.timeout()), "activator.timeout", "must be > 0", a.timeout());
        check(errors, a.maxBodySize() >= 1024, "activator.max-body-size", "must be >= 1024", a.maxBodySize());
        check(
                errors,
                a.retryAfterSeconds() >= 0,
                "activator.retry-after-seconds",
                "must be >= 0",
                a.retryAfterSeconds());
        check(errors, a.maxQueuedBytes() >= 1, "activator.max-queued-bytes", "must be >= 1", a.maxQueuedBytes());
        check(errors, a.servers() >= 0 && a.servers() <= 64, "activator.servers", "must be 0..64", a.servers());
        check(
                errors,
                !a.domain().isBlank() && !a.domain().startsWith("."),
                "activator.domain",
                "must be a DNS domain",
                a.domain());
        var i = c.instances();
        check(errors, HEAP.matcher(i.maxHeap()).matches(), "instances.max-heap", "must be like 128m", i.maxHeap());
        check(errors, positive(i.readyTimeout()), "instances.ready-timeout", "must be > 0", i.readyTimeout());
        check(errors, !i.drainTimeout().isNegative(), "instances.drain-timeout", "must be >= 0", i.drainTimeout());
        check(errors, positive(i.probeInterval()), "instances.probe-interval", "must be > 0", i.probeInterval());
        Optional<Archive> archive = Archive.parse(i.archive());
        check(errors, archive.isPresent(), "instances.archive", "must be one of " + Archive.choices(), i.archive());
        List<String> onDemand = jvmOptions(i.onDemandJvmOptions());
        check(
                errors,
                onDemand.stream().allMatch(o -> o.startsWith("-")),
                "instances.on-demand-jvm-options",
                "must be JVM options (each starting with '-') or none",
                i.onDemandJvmOptions());
        var l = c.loop();
        check(
                errors,
                l.scrapeInterval().toMillis() >= 100,
                "loop.scrape-interval",
                "must be >= 100ms",
                l.scrapeInterval());
        check(errors, c.triggerResync().toMillis() >= 1000, "trigger-resync", "must be >= 1s", c.triggerResync());
        check(errors, l.historySeconds() >= 10, "loop.history-seconds", "must be >= 10", l.historySeconds());
        check(errors, Binds.valid(c.bind()), "bind", "must be an IP address or host name", c.bind());
        Optional<String> token = c.controlToken().map(String::strip).filter(t -> !t.isEmpty());
        check(
                errors,
                token.map(t -> t.length() >= 16).orElse(true),
                "control-token",
                "must have at least 16 characters",
                "***");
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid Quiver platform configuration: " + String.join("; ", errors));
        }
        Path home = Path.of(c.home()).toAbsolutePath().normalize();
        Path dataDir = Path.of(c.dataDir()).toAbsolutePath().normalize();
        List<Path> artifactDirs = new ArrayList<>();
        artifactDirs.add(home);
        c.artifactDirs().orElse(List.of()).stream()
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .map(d -> home.resolve(d).normalize())
                .forEach(artifactDirs::add);
        Optional<String> java = i.java().map(String::trim).filter(s -> !s.isEmpty());
        int servers = a.servers() == 0 ? Runtime.getRuntime().availableProcessors() : a.servers();
        String activatorHost =
                a.host().map(String::strip).filter(h -> !h.isEmpty()).orElse(c.bind());
        return new PlatformSettings(
                home,
                dataDir,
                c.functionsDir().map(Path::of),
                new ActivatorSettings(
                        a.port(),
                        activatorHost,
                        a.domain(),
                        a.queueSize(),
                        a.timeout(),
                        a.maxBodySize(),
                        a.retryAfterSeconds(),
                        servers,
                        a.maxQueuedBytes()),
                new InstanceSettings(
                        i.maxHeap(),
                        i.readyTimeout(),
                        i.drainTimeout(),
                        i.probeInterval(),
                        java,
                        archive.orElseThrow(),
                        onDemand),
                l.scrapeInterval(),
                l.historySeconds(),
                c.kafka().bootstrapServers().filter(s -> !s.isBlank()),
                c.broker().url().filter(s -> !s.isBlank()),
                new SecuritySettings(
                        c.bind(),
                        token,
                        c.controlTokenFile()
                                .map(String::strip)
                                .filter(f -> !f.isEmpty())
                                .map(f -> home.resolve(f).normalize())
                                .orElse(dataDir.resolve("control-token")),
                        artifactDirs),
                c.triggerResync());
    }

    static List<String> jvmOptions(String value) {
        String v = value.trim();
        return v.isEmpty() || v.equals("none") ? List.of() : List.of(v.split("\\s+"));
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
