package dev.quiver.local.activator;

/**
 * Transitional glue (see {@link Gates}): the current loop's handle on an instance's endpoint; the activator balances
 * over {@link #ref()} and counts the requests in flight to it ({@link #inFlight()} reads the activator's count).
 */
public final class Endpoint {
    private final dev.quiver.control.route.Endpoint ref;
    private volatile FunctionGate gate;

    public Endpoint(String id, String host, int port) {
        this.ref = new dev.quiver.control.route.Endpoint(id, host, port);
    }

    public dev.quiver.control.route.Endpoint ref() {
        return ref;
    }

    public String id() {
        return ref.id();
    }

    public String host() {
        return ref.host();
    }

    public int port() {
        return ref.port();
    }

    /** Unused: the activator notes when an endpoint enters the ready set itself (for cold-start accounting). */
    public void readyAt(long nanos) {
    }

    void bind(FunctionGate g) {
        this.gate = g;
    }

    /** Requests the activator has in flight to it. */
    public int inFlight() {
        FunctionGate g = gate;
        return g == null ? 0 : g.inFlight(this);
    }

    @Override
    public String toString() {
        return ref.id() + "@" + ref + "(" + inFlight() + ")";
    }
}
