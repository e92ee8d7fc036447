package dev.quiver.scaler.decision;

import dev.quiver.scaler.lag.PartitionOffsets;
import dev.quiver.scaler.warmpool.Instance;
import java.util.List;

/**
 * What the adapters observed for one function this tick.
 *
 * @param instances every instance, active and pooled, ready or starting
 * @param offsets   per-partition offsets of the Kafka trigger's topic, or null when not observed
 */
public record Observation(List<Instance> instances, List<PartitionOffsets> offsets) {
    public Observation {
        instances = List.copyOf(instances);
        offsets = offsets == null ? null : List.copyOf(offsets);
    }

    public static Observation of(List<Instance> instances) {
        return new Observation(instances, null);
    }

    public int readyActive() {
        int n = 0;
        for (var i : instances) {
            if (i.active() && i.ready()) {
                n++;
            }
        }
        return n;
    }

    public int active() {
        int n = 0;
        for (var i : instances) {
            if (i.active()) {
                n++;
            }
        }
        return n;
    }

    public int readyPool() {
        int n = 0;
        for (var i : instances) {
            if (!i.active() && i.ready()) {
                n++;
            }
        }
        return n;
    }
}
