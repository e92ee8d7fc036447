package dev.quiver.local.backend.process;

import dev.quiver.api.ready.ReadySignal;
import dev.quiver.local.backend.InstanceHandle;
import dev.quiver.local.backend.InstanceRunner;
import dev.quiver.local.backend.LaunchInfo;
import dev.quiver.local.backend.Purpose;
import dev.quiver.local.config.PlatformSettings.InstanceSettings;
import dev.quiver.local.launch.LaunchPlan;
import dev.quiver.local.launch.Launcher;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.security.Redaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Instances as local OS processes: {@code java -jar} for a runner jar (the JVM and archive chosen by the
 * {@link Launcher}), the binary itself for a native build, on a free port, each with its log file under
 * {@code <data-dir>/logs/<function>/<id>-<start time>.log} (never reused: {@link LogFiles}). On-demand starts skip the function's warm-up.
 */
public final class ProcessBackend implements InstanceRunner {
    static final String WARMUP_ITERATIONS = "quiver.warmup.iterations";
    private final InstanceSettings settings;
    private final Path logDir;
    private final InstancePids pids;
    /** Each instance in its own session (no signal from the platform's terminal; its group stoppable as one). */
    private static final java.util.Optional<String> SETSID = java.util.stream.Stream.of(
                    "/usr/bin/setsid", "/bin/setsid")
            .filter(p -> java.nio.file.Files.isExecutable(Path.of(p)))
            .findFirst();

    private final Map<String, String> extraProperties;
    private final Map<String, String> extraEnv;
    private final Launcher launcher;
    private final ScheduledExecutorService probes = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "quiver-probe");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Map<String, ProcessInstance> running = new ConcurrentHashMap<>();
    private final ReadyListener readyListener = new ReadyListener();
    private volatile java.util.function.IntConsumer poolReady = port -> {};

    /** @param extraProperties given to every instance (e.g. {@code kafka.bootstrap.servers}) */
    public ProcessBackend(
            InstanceSettings settings, Path dataDir, Map<String, String> extraProperties, Launcher launcher) {
        this(settings, dataDir, extraProperties, launcher, Map.of());
    }

    /** @param extraEnv given to every instance's environment (e.g. the direct address's token) */
    public ProcessBackend(
            InstanceSettings settings,
            Path dataDir,
            Map<String, String> extraProperties,
            Launcher launcher,
            Map<String, String> extraEnv) {
        this.extraEnv = Map.copyOf(extraEnv);
        this.settings = settings;
        this.launcher = launcher;
        this.logDir = dataDir.resolve("logs");
        this.pids = InstancePids.inDataDir(dataDir);
        this.extraProperties = Map.copyOf(extraProperties);
    }

    @Override
    public InstanceHandle start(FunctionDefinition f, String id, Purpose purpose) {
        int port = FreePort.find();
        LaunchPlan plan = launcher.plan(f);
        List<String> cmd = command(f, port, plan, purpose);
        try {
            Path log = LogFiles.create(logDir.resolve(f.name()), id, java.time.Instant.now());
            Files.writeString(log, "# " + String.join(" ", Redaction.command(cmd)) + System.lineSeparator());
            // in the artifact's directory: Quarkus makes the AppCDS archive there and records the class path as
            // "quarkus-run.jar", relative to it; from any other directory the JVM refuses the archive
            List<String> launch = new ArrayList<>();
            SETSID.ifPresent(launch::add); // setsid execs the command in place: the PID stays the instance's
            launch.addAll(cmd);
            ProcessBuilder pb = new ProcessBuilder(launch)
                    .directory(f.artifact().toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(extraEnv);
            pb.environment().putAll(f.env());
            // the instance pushes "ready" to this one-time address; until it does, the poll is only a fallback
            CompletableFuture<Void> pushed = new CompletableFuture<>();
            ReadySignal signal = readyListener.expect(httpPort -> pushed.complete(null));
            pb.environment().putAll(signal.env());
            long spawned = System.nanoTime();
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                readyListener.forget(signal);
                throw e;
            }
            pids.record(id, p.pid());
            ProcessInstance instance = new ProcessInstance(
                    id,
                    port,
                    p,
                    log,
                    http,
                    probes,
                    settings,
                    spawned,
                    new LaunchInfo(plan.mode(), plan.reason()),
                    () -> launcher.check(f.name(), plan, log),
                    true);
            pushed.thenRun(instance::pushed);
            running.put(id, instance);
            instance.ready().whenComplete((v, e) -> readyListener.forget(signal));
            if (purpose == Purpose.WARM_POOL) {
                instance.ready().thenRun(() -> poolReady.accept(port));
            }
            instance.exited().whenComplete((code, e) -> {
                running.remove(id);
                pids.forget(id);
            });
            instance.startProbing(true);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + f.name() + " (" + f.artifact() + ")", e);
        }
    }

    /**
     * Called with the HTTP port of each instance started for the warm pool once it is ready (warmed up), e.g. so the
     * activator opens a connection to it before a request promotes it. One listener; the last one set wins.
     */
    public void onPoolReady(java.util.function.IntConsumer listener) {
        this.poolReady = listener;
    }

    /**
     * The command line; on-demand starts get the on-demand JVM options (before the function's own, which win) and
     * {@code quiver.warmup.iterations=0} last, so that it wins.
     */
    List<String> command(FunctionDefinition f, int port, LaunchPlan plan, Purpose purpose) {
        List<String> cmd = new ArrayList<>();
        if (f.jvm()) {
            cmd.add(plan.java());
            cmd.add("-Xmx" + settings.maxHeap());
            cmd.add("-XX:+UseSerialGC");
            cmd.addAll(plan.jvmOptions());
            if (purpose == Purpose.ON_DEMAND) {
                cmd.addAll(settings.onDemandJvmOptions());
            }
            cmd.addAll(f.jvmOptions());
        } else {
            cmd.add(f.artifact().toString());
        }
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        extraProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        f.properties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        if (purpose == Purpose.ON_DEMAND) {
            cmd.add("-D" + WARMUP_ITERATIONS + "=0");
        }
        if (f.jvm()) {
            cmd.add("-jar");
            cmd.add(f.artifact().toString());
        }
        return cmd;
    }

    @Override
    public void stopAll() {
        List<CompletableFuture<Integer>> stops = new ArrayList<>();
        for (ProcessInstance i : running.values()) {
            stops.add(i.stop(Duration.ofSeconds(10)));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new))
                .orTimeout(15, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
        running.values().forEach(ProcessInstance::kill);
        probes.shutdownNow();
        readyListener.close();
    }
}
