package dev.quiver.local.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One running instance as its backend sees it. */
public interface InstanceHandle {
    String id();

    /** Where it takes HTTP requests. */
    String host();

    int port();

    /** Process id, or -1 when not a local process. */
    long pid();

    /** Its log (standard output and error), or null. */
    Path log();

    /** Completes when the instance passes readiness; fails when it dies or times out first. */
    CompletableFuture<Void> ready();

    /** Completes with the exit code when the instance has ended, however. */
    CompletableFuture<Integer> exited();

    /** Graceful stop: SIGTERM (the runtime drains in-flight requests), kill after {@code grace}. */
    CompletableFuture<Integer> stop(Duration grace);

    /** Whether {@link #stop} was called (an exit without it is a crash). */
    boolean stopping();

    /** How it was launched (known once it is ready: the JVM may refuse its archive). */
    default LaunchInfo launch() {
        return LaunchInfo.UNKNOWN;
    }

    /** {@link System#nanoTime()} at spawn and at the first successful readiness probe; -1 when not measured. */
    default long spawnedNanos() {
        return -1;
    }

    default long readyNanos() {
        return -1;
    }
}
