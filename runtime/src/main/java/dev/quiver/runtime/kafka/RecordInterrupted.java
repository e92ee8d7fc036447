package dev.quiver.runtime.kafka;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Optional;

/**
 * An invocation ended by an interrupt (the instance is stopping, its worker threads are interrupted): never the
 * record's fault. It is neither retried nor dead-lettered; the record stays unacknowledged, so its offset stays
 * uncommitted and the group's next consumer gets it again.
 */
public final class RecordInterrupted extends RuntimeException {

    RecordInterrupted(Throwable cause) {
        super("interrupted (the trigger is stopping): " + cause, cause);
    }

    /**
     * The interrupt behind {@code failure}, if any: an {@link InterruptedException}, {@link ClosedByInterruptException}
     * or a plain {@link InterruptedIOException} (not its timeout subclasses) anywhere in its cause chain, Kafka's and
     * Funqy's wrappers included.
     */
    static Optional<RecordInterrupted> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordInterrupted r) {
                return Optional.of(r);
            }
            if (t instanceof InterruptedException
                    || t instanceof ClosedByInterruptException
                    || t.getClass() == InterruptedIOException.class) {
                return Optional.of(new RecordInterrupted(failure));
            }
        }
        return Optional.empty();
    }
}
