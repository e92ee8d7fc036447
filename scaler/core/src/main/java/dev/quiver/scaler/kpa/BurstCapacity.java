package dev.quiver.scaler.kpa;

/** Knative's excess burst capacity: whether the activator must stay in the request path. */
public final class BurstCapacity {
    private BurstCapacity() {}

    /**
     * @param ready                ready instances (not taken as at least 1)
     * @param totalValue           capacity of one instance before utilization
     * @param targetBurstCapacity  -1 = always proxy; 0 = proxy only at zero; otherwise the headroom wanted
     * @param panicAverage         metric average over the panic window
     * @return floor(ready x total - tbc - panic); -1 when tbc is -1; 0 when tbc is 0
     */
    public static double excess(int ready, double totalValue, double targetBurstCapacity, double panicAverage) {
        if (targetBurstCapacity == 0) {
            return 0;
        }
        if (targetBurstCapacity < 0) {
            return -1;
        }
        return Math.floor(ready * totalValue - targetBurstCapacity - panicAverage);
    }
}
