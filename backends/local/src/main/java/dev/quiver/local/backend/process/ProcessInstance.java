package dev.quiver.local.backend.process;

import dev.quiver.local.backend.InstanceHandle;
import dev.quiver.local.backend.LaunchInfo;
import dev.quiver.local.config.PlatformSettings.InstanceSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One instance process: readiness (pushed by the instance, {@link ReadyListener}; polled as a fallback for apps that
 * do not push), graceful stop (SIGTERM, kill after the grace), exit.
 */
final class ProcessInstance implements InstanceHandle {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProcessInstance.class);
    /** With a push offered, the poll is only the fallback for apps that do not push: this many times slower. */
    static final int FALLBACK_POLL_FACTOR = 10;

    private final String id;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http;
    private final ScheduledExecutorService probes;
    private final InstanceSettings settings;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Integer> exited;
    private final HttpRequest readiness;
    private final long deadline;
    private final long spawnedNanos;
    private final Supplier<LaunchInfo> launchCheck;
    private final long pollMillis;
    private volatile boolean stopping;
    private volatile long readyNanos = -1;
    private volatile LaunchInfo launch;

    ProcessInstance(
            String id,
            int port,
            Process process,
            Path log,
            HttpClient http,
            ScheduledExecutorService probes,
            InstanceSettings settings,
            long spawnedNanos,
            LaunchInfo planned,
            Supplier<LaunchInfo> launchCheck,
            boolean pushOffered) {
        this.launch = planned;
        this.spawnedNanos = spawnedNanos;
        this.launchCheck = launchCheck;
        this.id = id;
        this.port = port;
        this.process = process;
        this.log = log;
        this.http = http;
        this.probes = probes;
        this.settings = settings;
        this.exited = process.onExit().thenApply(Process::exitValue);
        this.readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        this.deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        this.pollMillis = settings.probeInterval().toMillis() * (pushOffered ? FALLBACK_POLL_FACTOR : 1);
        exited.thenAccept(code -> ready.completeExceptionally(new IllegalStateException(
                "instance " + id + " exited (code " + code + ") before it was ready; see " + log)));
    }

    /** The instance pushed "ready" (its HTTP server listens and its warm-up is done). */
    void pushed() {
        becameReady("pushed");
    }

    /** First probe right away when nothing will be pushed; after one poll interval otherwise. */
    void startProbing(boolean pushOffered) {
        if (pushOffered) {
            probes.schedule(this::probe, pollMillis, TimeUnit.MILLISECONDS);
        } else {
            probe();
        }
    }

    private synchronized void becameReady(String how) {
        if (ready.isDone()) {
            return;
        }
        readyNanos = System.nanoTime();
        LOG.debugf("%s ready (%s) %d ms after spawn", id, how, (readyNanos - spawnedNanos) / 1_000_000);
        launch = launchCheck.get();
        ready.complete(null);
    }

    void probe() {
        if (ready.isDone()) {
            return;
        }
        if (System.nanoTime() > deadline) {
            ready.completeExceptionally(new TimeoutException("instance " + id + " not ready after "
                    + settings.readyTimeout().toSeconds() + " s; see " + log));
            kill();
            return;
        }
        http.sendAsync(readiness, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e == null && r.statusCode() == 200) {
                becameReady("polled");
            } else if (!ready.isDone()) {
                probes.schedule(this::probe, pollMillis, TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public CompletableFuture<Void> ready() {
        return ready;
    }

    @Override
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public LaunchInfo launch() {
        return launch;
    }

    @Override
    public long spawnedNanos() {
        return spawnedNanos;
    }

    @Override
    public long readyNanos() {
        return readyNanos;
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    @Override
    public CompletableFuture<Integer> stop(Duration grace) {
        stopping = true;
        process.destroy();
        probes.schedule(
                () -> {
                    if (process.isAlive()) {
                        process.destroyForcibly();
                    }
                },
                grace.toMillis(),
                TimeUnit.MILLISECONDS);
        return exited;
    }

    void kill() {
        stopping = true;
        process.destroyForcibly();
    }
}
