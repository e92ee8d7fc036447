package dev.quiver.scaler.simulator;

import java.util.List;

/**
 * One output line: a decision with what the simulated world looked like when it was made.
 *
 * @param event       {@code tick}, or {@code poke} for the activator's immediate decision at zero
 * @param ready       ready active instances when deciding
 * @param starting    active instances still starting
 * @param warm        ready pool instances
 * @param lag         total consumer lag (for scaling), or null without lag data
 */
public record Row(
        double t,
        String event,
        double concurrency,
        Long lag,
        double stable,
        double panic,
        int desired,
        int ready,
        int starting,
        int warm,
        boolean panicking,
        String mode,
        double excessBurstCapacity,
        List<String> actions,
        String reason) {}
