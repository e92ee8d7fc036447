package dev.quiver.local.supervise;

import dev.quiver.api.control.ComponentStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts processes in order, each after the one before is ready; starts a crashed one again as its
 * {@link RestartPolicy} decides; stops them in reverse order (SIGTERM, then SIGKILL after the stop timeout).
 */
public final class Supervisor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Supervisor.class);

    private final List<Child> children = new ArrayList<>();
    private final RestartPolicy policy;
    private final Duration readyTimeout;
    private final Duration stopTimeout;
    private final Clock clock;
    private final ReadinessProbe probe;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiver-supervisor");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;
    private volatile java.util.function.Consumer<String> onRestarted = name -> {};

    public Supervisor(
            List<Component> components,
            RestartPolicy policy,
            Duration readyTimeout,
            Duration stopTimeout,
            Clock clock) {
        components.forEach(c -> children.add(new Child(c)));
        this.policy = policy;
        this.readyTimeout = readyTimeout;
        this.stopTimeout = stopTimeout;
        this.clock = clock;
        this.probe = new ReadinessProbe();
    }

    /** Called with a component's name each time it is ready again after a restart. */
    public void onRestarted(java.util.function.Consumer<String> listener) {
        this.onRestarted = listener;
    }

    /** Starts every component in order, waiting for each to be ready; on a failure stops what it started. */
    public void start() {
        for (Child c : children) {
            try {
                launch(c);
                awaitReady(c);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    public List<ComponentStatus> status() {
        return children.stream().map(Child::status).toList();
    }

    /** Stops every component, the last started first. */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        restarts.shutdownNow();
        for (int i = children.size() - 1; i >= 0; i--) {
            stop(children.get(i));
        }
    }

    private synchronized void launch(Child c) {
        if (stopping) {
            return;
        }
        try {
            Files.createDirectories(c.component.log().getParent());
            long offset = Files.exists(c.component.log()) ? Files.size(c.component.log()) : 0;
            Files.writeString(
                    c.component.log(),
                    "=== quiver: starting " + c.component.name() + " at " + clock.instant()
                            + (c.restarts > 0 ? " (restart " + c.restarts + ")" : "") + " ===\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(c.component.command())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(c.component.log().toFile()));
            pb.environment().putAll(c.component.env());
            Process p = pb.start();
            c.started(p, clock.instant(), offset);
            LOG.infof("%s started (pid %d, log %s)", c.component.name(), p.pid(), c.component.log());
            p.onExit().thenAccept(exited -> exited(c, exited));
        } catch (IOException e) {
            throw new SupervisorException(
                    c.component.name() + " could not be started ("
                            + c.component.command().get(0) + "): " + e.getMessage(),
                    e);
        }
    }

    private void awaitReady(Child c) {
        Instant t0 = clock.instant();
        Instant deadline = t0.plus(readyTimeout);
        while (true) {
            Process p = c.process;
            if (p == null || !p.isAlive()) {
                throw new SupervisorException(c.component.name() + " stopped during start-up (exit "
                        + (p == null ? "?" : p.exitValue()) + "); see " + c.component.log());
            }
            if (probe.ready(c.component, c.logOffset)) {
                c.state = "ready";
                LOG.infof(
                        "%s ready (%d ms)",
                        c.component.name(),
                        Duration.between(t0, clock.instant()).toMillis());
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new SupervisorException(c.component.name() + " not ready after " + readyTimeout.toSeconds()
                        + " s; see " + c.component.log());
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private void exited(Child c, Process p) {
        if (stopping || c.process != p) {
            return;
        }
        Instant now = clock.instant();
        c.lastExit = "exit " + p.exitValue() + " after "
                + Duration.between(c.startedAt, now).toSeconds() + " s";
        RestartPolicy.Decision d = policy.afterExit(c.consecutiveCrashes, c.startedAt, now);
        if (d instanceof RestartPolicy.Restart r) {
            c.consecutiveCrashes = r.attempt();
            c.state = "restarting";
            LOG.warnf(
                    "%s exited (%s); starting it again in %d ms (crash %d in a row); log %s",
                    c.component.name(), c.lastExit, r.delay().toMillis(), r.attempt(), c.component.log());
            restarts.schedule(() -> restart(c), r.delay().toMillis(), TimeUnit.MILLISECONDS);
        } else if (d instanceof RestartPolicy.GiveUp g) {
            c.state = "failed";
            LOG.errorf(
                    "%s exited (%s); not starting it again: %s; log %s",
                    c.component.name(), c.lastExit, g.reason(), c.component.log());
        }
    }

    private void restart(Child c) {
        try {
            c.restarts++;
            launch(c);
            awaitReady(c);
            onRestarted.accept(c.component.name());
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.errorf("%s: restart failed: %s", c.component.name(), e.getMessage());
            }
        }
    }

    private void stop(Child c) {
        Process p = c.process;
        if (p == null || !p.isAlive()) {
            c.state = "stopped";
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s did not stop within %d s; killing it", c.component.name(), stopTimeout.toSeconds());
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        c.state = "stopped";
        LOG.infof("%s stopped", c.component.name());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisorException("interrupted", e);
        }
    }

    /** A component's live state. */
    private static final class Child {
        final Component component;
        volatile Process process;
        volatile Instant startedAt;
        volatile long logOffset;
        volatile String state = "stopped";
        volatile int consecutiveCrashes;
        volatile int restarts;
        volatile String lastExit;

        Child(Component component) {
            this.component = component;
        }

        void started(Process p, Instant at, long offset) {
            process = p;
            startedAt = at;
            logOffset = offset;
            state = "starting";
        }

        ComponentStatus status() {
            Process p = process;
            return new ComponentStatus(
                    component.name(),
                    state,
                    p != null && p.isAlive() ? p.pid() : -1,
                    restarts,
                    lastExit,
                    component.log().toString());
        }
    }

    /** A component failed to start. */
    public static final class SupervisorException extends RuntimeException {
        public SupervisorException(String message, Throwable cause) {
            super(message, cause);
        }

        public SupervisorException(String message) {
            super(message);
        }
    }
}
