package dev.quiver.cli.platform;

import dev.quiver.api.control.ComponentStatus;
import dev.quiver.api.control.ControlClient;
import dev.quiver.cli.Console;
import dev.quiver.cli.Credentials;
import dev.quiver.cli.Ports;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Workspace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The local platform as one process ({@code backends/local}, marked {@code -Dquiver.component=platform}): started
 * detached with its pid in {@code <data dir>/pids/platform.pid}; it starts and supervises Kafka, the broker and the
 * sources itself ({@code quiver.platform.supervise.*}); stopping it (SIGTERM) stops them.
 */
public final class LocalPlatform {
    public static final String COMPONENT = "platform";

    private final Workspace ws;
    private final Console console;

    public LocalPlatform(Workspace ws, Console console) {
        this.ws = ws;
        this.console = console;
    }

    /** The running platform process, if its pid file names one. */
    public Optional<ProcessHandle> process() {
        Path pid = ws.pidFile(COMPONENT);
        if (!Files.isRegularFile(pid)) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(Files.readString(pid).trim());
            return ProcessHandle.of(id).filter(ProcessHandle::isAlive).filter(LocalPlatform::isPlatform);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPlatform(ProcessHandle p) {
        return p.info()
                .arguments()
                .map(a -> List.of(a).contains("-Dquiver.component=" + COMPONENT))
                .orElseGet(() -> p.info()
                        .commandLine()
                        .map(c -> c.contains("-Dquiver.component=" + COMPONENT))
                        .orElse(true));
    }

    /** Fails (exit 2) when a port is taken, naming it and the flag that moves it ({@code --<flag>}). */
    public static void requireFree(int port, String name, String flag) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
        } catch (IOException free) {
            return;
        }
        throw QuiverException.usage("port " + port + " (" + name + ") is in use; choose another with --" + flag
                + " N, or stop what uses it (quiver down?)");
    }

    /** Starts the platform and waits until it and its supervised processes are ready. */
    public void start(Ports ports, boolean sources, Duration timeout) {
        start(ports, sources, timeout, "127.0.0.1");
    }

    /** @param bind where the platform and its processes listen ({@code quiver.platform.bind}) */
    public void start(Ports ports, boolean sources, Duration timeout, String bind) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            cmd.add("setsid"); // not in this terminal's process group: Ctrl-C on the CLI leaves it running
        }
        cmd.addAll(List.of(
                javaLauncher(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dquiver.component=" + COMPONENT,
                "-Dquarkus.http.port=" + ports.control(),
                "-Dquiver.platform.bind=" + bind,
                "-Dquiver.platform.activator.port=" + ports.activator(),
                "-Dquiver.platform.home=" + ws.root(),
                "-Dquiver.platform.data-dir=" + ws.dataDir(),
                "-Dquiver.platform.kafka.bootstrap-servers=" + ports.kafkaBootstrap(),
                "-Dquiver.platform.broker.url=" + ports.brokerUrl(),
                "-Dquiver.platform.supervise.enabled=true",
                "-Dquiver.platform.supervise.kafka.port=" + ports.kafka(),
                "-Dquiver.platform.supervise.broker.port=" + ports.broker(),
                "-Dquiver.platform.supervise.sources.enabled=" + sources,
                "-Dquiver.platform.supervise.sources.port=" + ports.sources(),
                "-Dquiver.platform.supervise.sources.s3-port=" + ports.s3(),
                "-jar",
                ws.platformJar().toString()));
        Path log = ws.log(COMPONENT);
        Process p;
        try {
            Files.createDirectories(ws.logs());
            Files.createDirectories(ws.pidFile(COMPONENT).getParent());
            p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            // with setsid, the platform is the child of setsid's exec: same pid
            Files.writeString(ws.pidFile(COMPONENT), Long.toString(p.pid()));
        } catch (IOException e) {
            throw QuiverException.failed(
                    "cannot start the platform (" + String.join(" ", cmd.subList(0, 2)) + "): " + e.getMessage());
        }
        ControlClient control = new ControlClient(
                ports.controlUrl(), Duration.ofSeconds(3), Credentials.controlToken(ws, System.getenv(), null));
        long t0 = System.nanoTime();
        LogFollower follower = new LogFollower(log);
        console.detail("platform starting: Kafka, the broker" + (sources ? ", the sources" : "")
                + ", then the control plane and the activator");
        // Ctrl-C while waiting: stop what was started, as a failed start does
        Thread abort = new Thread(() -> stop(Duration.ofSeconds(60)), "quiver-up-abort");
        Runtime.getRuntime().addShutdownHook(abort);
        try {
            waitFor(
                    timeout,
                    () -> {
                        follower.newLines().stream()
                                .map(LogFollower::supervisorLine)
                                .flatMap(Optional::stream)
                                .forEach(console::detail);
                        if (!p.isAlive()) {
                            throw QuiverException.failed("the platform stopped during start-up (exit " + p.exitValue()
                                    + "):\n" + tail(log, 30) + "\nfull log: " + log);
                        }
                        return control.ready();
                    },
                    "the platform not ready after " + timeout.toSeconds() + " s; log: " + log);
        } catch (QuiverException e) {
            Runtime.getRuntime().removeShutdownHook(abort);
            stop(Duration.ofSeconds(60));
            throw e;
        }
        Runtime.getRuntime().removeShutdownHook(abort);
        console.detail(String.format("%-10s ready (%d s)", COMPONENT, (System.nanoTime() - t0) / 1_000_000_000));
        for (ComponentStatus c : control.components()) {
            if (!c.ready()) {
                console.detail(c.name() + " is " + c.state() + "; log: " + c.log());
            }
        }
    }

    /** SIGTERM to the platform (it drains functions and stops what it supervises), SIGKILL after the grace. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> running = process();
        if (running.isEmpty()) {
            cleanUp();
            return false;
        }
        ProcessHandle p = running.get();
        List<ProcessHandle> children = p.descendants().toList();
        console.progress(String.format("    %-10s", COMPONENT));
        p.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        while (p.isAlive() && System.nanoTime() < deadline) {
            console.progress(".");
            sleep(500);
        }
        if (p.isAlive()) {
            p.destroyForcibly();
            console.progress(" killed");
        }
        for (ProcessHandle c : children) {
            if (c.isAlive()) { // left behind by a killed platform
                c.destroyForcibly();
            }
        }
        console.line(" stopped");
        cleanUp();
        return true;
    }

    private void cleanUp() {
        try {
            Files.deleteIfExists(ws.pidFile(COMPONENT));
            Files.deleteIfExists(ws.portsFile());
        } catch (IOException e) {
            // nothing to clean
        }
    }

    /** Polls every 500 ms with progress dots; fails with {@code timeoutMessage}. */
    public void waitFor(Duration timeout, BooleanSupplier done, String timeoutMessage) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw QuiverException.failed(timeoutMessage);
            }
            sleep(500);
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public static String javaLauncher() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuiverException.failed("interrupted");
        }
    }
}
