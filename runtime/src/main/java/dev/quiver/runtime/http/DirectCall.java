package dev.quiver.runtime.http;

import dev.quiver.runtime.metrics.FunctionMeters;

/**
 * One invocation of a function that does not come over HTTP (a Kafka record run in process), accounted like a
 * request on the live ledger: it holds a concurrency slot, and counts in the concurrency meter (the stats' in-flight
 * and rps the scaler reads) and in the function's meters. Obtained from {@link InstanceTraffic#beginDirect}.
 */
public final class DirectCall {

    private final Ledger ledger;
    private final FunctionMeters function;
    private final long arrivedNanos;
    private boolean finished;

    DirectCall(Ledger ledger, FunctionMeters function, long arrivedNanos) {
        this.ledger = ledger;
        this.function = function;
        this.arrivedNanos = arrivedNanos;
        ledger.meter.arrived(arrivedNanos);
        function.started();
    }

    /** Ends the accounting (once; later calls do nothing). @param status the HTTP status the answer stands for */
    public synchronized void end(int status) {
        if (finished) {
            return;
        }
        finished = true;
        long now = System.nanoTime();
        ledger.meter.left(now);
        function.finished(status, now - arrivedNanos);
        ledger.gate.release();
    }
}
