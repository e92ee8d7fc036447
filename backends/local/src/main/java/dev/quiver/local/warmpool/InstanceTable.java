package dev.quiver.local.warmpool;

import dev.quiver.control.loop.InstanceView;
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

    /** Every instance as the loop sees it, oldest first. */
    public List<InstanceView> views(int generation) {
        return all().stream().map(i -> i.view(generation)).toList();
    }

    public long count(Role role, boolean readyOnly, int generation) {
        return instances.values().stream()
                .filter(i -> i.role() == role
                        && i.generation() == generation
                        && i.state() != ManagedInstance.State.DRAINING
                        && (!readyOnly || i.state() == ManagedInstance.State.READY))
                .count();
    }

    public boolean isEmpty() {
        return instances.isEmpty();
    }
}
