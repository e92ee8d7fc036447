package dev.quiver.scaler.simulator;

/**
 * The {@code simulation:} section of a spec file.
 *
 * @param coldStartSeconds time for a new instance to become ready (default 1.0)
 * @param warmStartSeconds time to promote a pool instance into traffic (default 0.005)
 * @param consumeRatePerInstance messages per second one ready instance consumes; 0 (default) replays the trace's
 *                               committed offsets, &gt; 0 makes the simulator play the consumer group
 */
public record SimulationSettings(double coldStartSeconds, double warmStartSeconds, double consumeRatePerInstance) {
    public static final SimulationSettings DEFAULTS = new SimulationSettings(1.0, 0.005, 0);
}
