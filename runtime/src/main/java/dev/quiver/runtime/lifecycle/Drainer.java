package dev.quiver.runtime.lifecycle;

import dev.quiver.runtime.config.RuntimeSettings;
import dev.quiver.runtime.http.InstanceTraffic;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Graceful drain on shutdown (SIGTERM): readiness goes down and new requests get 503 at once, then shutdown waits
 * until every in-flight and queued request has finished, at most {@code quiver.drain.timeout}.
 */
@Singleton
public class Drainer {

    private static final Logger LOG = Logger.getLogger(Drainer.class);
    private static final long POLL_MILLIS = 10;

    void onShutdown(
            @Observes ShutdownDelayInitiatedEvent event,
            InstanceState state,
            InstanceTraffic traffic,
            RuntimeSettings settings) {
        state.draining();
        int pending = traffic.inFlight() + traffic.queued();
        LOG.infof("Draining: readiness is down, %d request(s) in flight or queued", pending);
        long start = System.nanoTime();
        boolean drained = awaitZero(() -> traffic.inFlight() + traffic.queued(), settings.drainTimeout());
        long millis = (System.nanoTime() - start) / 1_000_000L;
        if (drained) {
            LOG.infof("Drained %d request(s) in %d ms", pending, millis);
        } else {
            LOG.warnf(
                    "Drain timeout (%s) reached with %d request(s) still in flight; shutting down anyway",
                    settings.drainTimeout(), traffic.inFlight() + traffic.queued());
        }
    }

    /** Waits until {@code pending} reads 0; false when {@code timeout} passed first. */
    static boolean awaitZero(IntSupplier pending, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.getAsInt() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
