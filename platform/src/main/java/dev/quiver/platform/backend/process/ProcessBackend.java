package dev.quiver.platform.backend.process;

import dev.quiver.platform.backend.InstanceBackend;
import dev.quiver.platform.backend.InstanceHandle;
import dev.quiver.platform.config.PlatformSettings.InstanceSettings;
import dev.quiver.platform.registry.FunctionDefinition;
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
 * Instances as local OS processes: {@code java -jar} for a runner jar, the binary itself for a native build, on a
 * free port, each with its log file under {@code <data-dir>/logs/<function>/<id>.log}.
 */
public final class ProcessBackend implements InstanceBackend {
    private final InstanceSettings settings;
    private final Path logDir;
    private final Map<String, String> extraProperties;
    private final ScheduledExecutorService probes = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "quiver-probe");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Map<String, ProcessInstance> running = new ConcurrentHashMap<>();

    /** @param extraProperties given to every instance (e.g. {@code kafka.bootstrap.servers}) */
    public ProcessBackend(InstanceSettings settings, Path dataDir, Map<String, String> extraProperties) {
        this.settings = settings;
        this.logDir = dataDir.resolve("logs");
        this.extraProperties = Map.copyOf(extraProperties);
    }

    @Override
    public InstanceHandle start(FunctionDefinition f, String id) {
        int port = FreePort.find();
        Path log = logDir.resolve(f.name()).resolve(id + ".log");
        List<String> cmd = command(f, port);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "# " + String.join(" ", cmd) + System.lineSeparator());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(f.env());
            Process p = pb.start();
            ProcessInstance instance = new ProcessInstance(id, port, p, log, http, probes, settings);
            running.put(id, instance);
            instance.exited().whenComplete((code, e) -> running.remove(id));
            instance.probe();
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + f.name() + " (" + f.artifact() + ")", e);
        }
    }

    List<String> command(FunctionDefinition f, int port) {
        List<String> cmd = new ArrayList<>();
        if (f.jvm()) {
            cmd.add(settings.java());
            cmd.add("-Xmx" + settings.maxHeap());
            cmd.add("-XX:+UseSerialGC");
            cmd.addAll(f.jvmOptions());
        } else {
            cmd.add(f.artifact().toString());
        }
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        extraProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        f.properties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
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
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).orTimeout(15, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        running.values().forEach(ProcessInstance::kill);
        probes.shutdownNow();
    }
}
