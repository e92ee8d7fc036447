package dev.quiver.runtime.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Where this instance is in its life: it serves traffic only when {@link Phase#READY}. */
@ApplicationScoped
public class InstanceState {

    public enum Phase {
        STARTING,
        WARMING,
        READY,
        DRAINING
    }

    private volatile Phase phase = Phase.STARTING;
    private volatile long startupMillis = -1;
    private final CompletableFuture<Void> becameReady = new CompletableFuture<>();

    public Phase phase() {
        return phase;
    }

    public void warming() {
        moveTo(Phase.WARMING);
    }

    public void ready() {
        if (moveTo(Phase.READY)) {
            startupMillis = ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(start -> System.currentTimeMillis() - start.toEpochMilli())
                    .orElse(-1L);
            becameReady.complete(null);
        }
    }

    /** Completes the first time the instance is ready (never, if it drains first). */
    public CompletionStage<Void> whenReady() {
        return becameReady;
    }

    public void draining() {
        phase = Phase.DRAINING;
    }

    public boolean isReady() {
        return phase == Phase.READY;
    }

    /** Milliseconds from process start until ready (warm-up included); -1 while not yet ready. */
    public long startupMillis() {
        return startupMillis;
    }

    private synchronized boolean moveTo(Phase next) {
        if (phase == Phase.DRAINING) {
            return false;
        }
        phase = next;
        return true;
    }
}
