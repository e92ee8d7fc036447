package dev.quiver.scaler.kpa;

import java.util.List;

/**
 * One tick of concurrency scaling, before min/max/activation bounds and the warm pool.
 *
 * @param stable              metric average over the stable window
 * @param panic               metric average over the panic window
 * @param desiredStable       ceil(stable / target), clamped by the scale-up/-down rates
 * @param desiredPanic        ceil(panic / target), clamped the same way
 * @param desired             what this signal asks for (panic hold, scale-down delay and zero grace applied)
 * @param panicking           panic mode after this tick
 * @param excessBurstCapacity floor(ready x total - targetBurstCapacity - panic); -1 = always proxy, 0 = only at zero
 * @param zeroPending         no traffic for the stable window; last instance kept until the grace has passed
 */
public record KpaResult(
        double stable,
        double panic,
        int desiredStable,
        int desiredPanic,
        int desired,
        boolean panicking,
        double excessBurstCapacity,
        boolean zeroPending,
        List<String> reasons) {}
