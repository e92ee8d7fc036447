package dev.quiver.scaler.simulator;

import dev.quiver.scaler.decision.Observation;
import dev.quiver.scaler.lag.PartitionOffsets;
import dev.quiver.scaler.warmpool.Instance;
import dev.quiver.scaler.warmpool.PoolAction;
import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The simulated instances: the instance backend the decisions are applied to. New instances become ready after
 * the cold-start time, promoted pool instances after the warm-start time. The observed concurrency is spread over
 * the ready active instances, oldest first (they have been in the load balancer longest).
 */
final class World {
    private static final class Sim {
        final String id;
        Role role;
        final double startedAt;
        double readyAt;

        Sim(String id, Role role, double startedAt, double readyAt) {
            this.id = id;
            this.role = role;
            this.startedAt = startedAt;
            this.readyAt = readyAt;
        }
    }

    private final SimulationSettings settings;
    private final Instant epoch;
    private final List<Sim> instances = new ArrayList<>();
    private int next;
    private double load;

    World(SimulationSettings settings, Instant epoch, int initialReady) {
        this.settings = settings;
        this.epoch = epoch;
        for (int i = 0; i < initialReady; i++) {
            instances.add(new Sim(newId(), Role.ACTIVE, 0, 0));
        }
    }

    void load(double concurrency) {
        this.load = concurrency;
    }

    int readyActive(double t) {
        return (int) instances.stream()
                .filter(s -> s.role == Role.ACTIVE && s.readyAt <= t)
                .count();
    }

    int active() {
        return (int) instances.stream().filter(s -> s.role == Role.ACTIVE).count();
    }

    int starting(double t) {
        return active() - readyActive(t);
    }

    Observation observe(double t, List<PartitionOffsets> offsets) {
        List<Sim> serving = instances.stream()
                .filter(s -> s.role == Role.ACTIVE && s.readyAt <= t)
                .sorted(Comparator.comparingDouble((Sim s) -> s.startedAt).thenComparing(s -> s.id))
                .toList();
        List<Instance> out = new ArrayList<>();
        long whole = (long) Math.floor(load);
        for (Sim s : instances) {
            boolean ready = s.readyAt <= t;
            double inFlight = 0;
            int rank = serving.indexOf(s);
            if (rank >= 0) {
                inFlight = whole / serving.size() + (rank < whole % serving.size() ? 1 : 0);
            }
            out.add(new Instance(s.id, s.role, ready, inFlight, at(s.startedAt)));
        }
        return new Observation(out, offsets);
    }

    void apply(double t, List<PoolAction> actions) {
        for (PoolAction a : actions) {
            if (a instanceof PoolAction.Promote p) {
                Sim s = find(p.id());
                s.role = Role.ACTIVE;
                s.readyAt = Math.max(s.readyAt, t + settings.warmStartSeconds());
            } else if (a instanceof PoolAction.StartActive s) {
                start(t, s.count(), Role.ACTIVE);
            } else if (a instanceof PoolAction.StartWarm s) {
                start(t, s.count(), Role.POOL);
            } else if (a instanceof PoolAction.ReturnToPool r) {
                find(r.id()).role = Role.POOL;
            } else if (a instanceof PoolAction.Stop s) {
                instances.remove(find(s.id()));
            }
        }
    }

    private void start(double t, int count, Role role) {
        for (int i = 0; i < count; i++) {
            instances.add(new Sim(newId(), role, t, t + settings.coldStartSeconds()));
        }
    }

    private Sim find(String id) {
        return instances.stream()
                .filter(s -> s.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no instance " + id));
    }

    private String newId() {
        return "i" + (next++);
    }

    Instant at(double t) {
        return epoch.plusNanos(Math.round(t * 1e9));
    }
}
