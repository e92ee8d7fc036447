package dev.quiver.broker.delivery;

import java.time.Duration;
import java.util.function.LongSupplier;

/** What the delivery code reports, per trigger; the Micrometer adapter lives in the metrics package. */
public interface DeliveryMetrics {

    void delivered(String trigger, Duration latency);

    void retried(String trigger);

    /** The last attempt failed (the event then goes to the dead-letter sink, or is dropped). */
    void failed(String trigger);

    void deadLettered(String trigger);

    void dropped(String trigger, String reason);

    void replied(String trigger);

    void lag(String trigger, LongSupplier lag);

    /** The trigger's dispatcher failed and was restarted ({@code quiver_broker_dispatcher_restarts_total}). */
    void dispatcherRestarted(String trigger);

    void forget(String trigger);
}
