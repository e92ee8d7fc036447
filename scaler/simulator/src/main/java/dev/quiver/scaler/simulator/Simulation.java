package dev.quiver.scaler.simulator;

import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.FunctionScaler;
import dev.quiver.scaler.lag.PartitionOffsets;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.warmpool.PoolAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a trace second by second through a {@link FunctionScaler} and a simulated {@link World}: records each
 * second's traffic, pokes at once when a request finds no instance, and decides every tick interval.
 */
public final class Simulation {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private Simulation() {}

    public static List<Row> run(FunctionSpec spec, SimulationSettings settings, List<TraceLine> trace) {
        FunctionScaler scaler = new FunctionScaler(spec, EPOCH);
        World world = new World(settings, EPOCH, spec.scale().initialScale());
        Map<Long, TraceLine> bySecond = new HashMap<>();
        trace.forEach(l -> bySecond.put(l.t(), l));
        long last = trace.get(trace.size() - 1).t();
        double tick = spec.scale().tickInterval().toNanos() / 1e9;
        long tickIndex = 0;
        List<PartitionOffsets> offsets = null;
        Consumers consumers =
                settings.consumeRatePerInstance() > 0 ? new Consumers(settings.consumeRatePerInstance()) : null;
        List<Row> rows = new ArrayList<>();
        for (long s = 0; s <= last; s++) {
            TraceLine line = bySecond.getOrDefault(s, TraceLine.quiet(s, offsets));
            if (line.lag() != null) {
                offsets = line.lag();
            }
            if (consumers != null && offsets != null) {
                offsets = consumers.step(offsets, world.readyActive(s));
            }
            world.load(line.concurrency());
            scaler.record(world.at(s), line.concurrency(), line.rps());
            if (spec.http() && line.concurrency() + line.rps() > 0 && world.active() == 0) {
                Decision d = scaler.poke(world.at(s), world.observe(s, null));
                rows.add(row(s, "poke", line, world, d));
                world.apply(s, d.actions());
            }
            for (double t = tickIndex * tick; t < s + 1; t = ++tickIndex * tick) {
                Decision d = scaler.decide(world.at(t), world.observe(t, offsets));
                rows.add(row(t, "tick", line, world, d));
                world.apply(t, d.actions());
            }
        }
        return rows;
    }

    private static Row row(double t, String event, TraceLine line, World world, Decision d) {
        Long lag = d.lag() == null ? null : d.lag().totals().forActivation();
        return new Row(
                t,
                event,
                line.concurrency(),
                lag,
                d.stable(),
                d.panic(),
                d.desired(),
                d.ready(),
                world.starting(t),
                d.warm(),
                d.panicking(),
                d.mode().key(),
                d.excessBurstCapacity(),
                d.actions().stream().map(PoolAction::describe).toList(),
                String.join("; ", d.reasons()));
    }
}
