package dev.quiver.local.warmpool;

import dev.quiver.local.activator.Endpoint;
import dev.quiver.scaler.decision.Observation;
import dev.quiver.scaler.lag.PartitionOffsets;
import dev.quiver.scaler.warmpool.Instance;
import dev.quiver.scaler.warmpool.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A function's instances: active ones in traffic and warm ones kept out of it. Instances of an older generation
 * (before an update that needs new processes) keep serving until replaced but are not shown to the scaler.
 */
public final class InstanceTable {
    private final Map<String, ManagedInstance> instances = new ConcurrentHashMap<>();

    public void add(ManagedInstance i) {
        instances.put(i.id(), i);
    }

    public ManagedInstance get(String id) {
        return instances.get(id);
    }

    public ManagedInstance remove(String id) {
        return instances.remove(id);
    }

    /** Oldest first. */
    public List<ManagedInstance> all() {
        List<ManagedInstance> out = new ArrayList<>(instances.values());
        out.sort(Comparator.comparing(ManagedInstance::startedAt).thenComparing(ManagedInstance::id));
        return out;
    }

    public Collection<ManagedInstance> unordered() {
        return instances.values();
    }

    /** What the scaler decides on: this generation's instances that are not being stopped. */
    public Observation observe(int generation, List<PartitionOffsets> offsets) {
        List<Instance> core = new ArrayList<>();
        for (ManagedInstance i : all()) {
            if (i.generation() == generation && i.state() != ManagedInstance.State.DRAINING) {
                core.add(i.toCore());
            }
        }
        return new Observation(core, offsets);
    }

    /** The load-balancing set: ready, active, not draining (older generations included until replaced). */
    public List<Endpoint> routable() {
        List<Endpoint> out = new ArrayList<>();
        for (ManagedInstance i : all()) {
            if (i.serving()) {
                out.add(i.endpoint());
            }
        }
        return out;
    }

    public long count(Role role, boolean readyOnly, int generation) {
        return instances.values().stream().filter(i -> i.role() == role && i.generation() == generation
                && i.state() != ManagedInstance.State.DRAINING
                && (!readyOnly || i.state() == ManagedInstance.State.READY)).count();
    }

    public boolean isEmpty() {
        return instances.isEmpty();
    }
}
