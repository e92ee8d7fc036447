package dev.quiver.kubernetes.activator;

import java.util.concurrent.atomic.LongAdder;

/** What the activator did since start, as Prometheus text ({@code GET /quiver/activator/metrics}). */
public final class ActivatorStats {
    private final LongAdder received = new LongAdder();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder held = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder unknown = new LongAdder();

    void received() {
        received.increment();
    }

    void forwarded() {
        forwarded.increment();
    }

    void held() {
        held.increment();
    }

    void timedOut() {
        timedOut.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void unknown() {
        unknown.increment();
    }

    public String prometheus() {
        return line("quiver_activator_requests_total", "requests received", received)
                + line("quiver_activator_forwarded_total", "requests sent to an instance", forwarded)
                + line("quiver_activator_held_total", "requests held for a function with no ready instance", held)
                + line("quiver_activator_timeouts_total", "held requests answered 503 after the timeout", timedOut)
                + line("quiver_activator_queue_full_total", "requests answered 503 because the queue was full",
                        rejected)
                + line("quiver_activator_unknown_total", "requests for an unknown function (404)", unknown);
    }

    private static String line(String name, String help, LongAdder v) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " counter\n" + name + " " + v.sum() + "\n";
    }
}
