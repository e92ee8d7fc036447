package dev.quiver.control.loop;

import dev.quiver.control.route.FunctionRef;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.warmpool.PoolAction;
import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A hand-written backend: instances are rows a test sets; a decision's actions are recorded and applied to the
 * rows (starts are STARTING until the test makes them ready, stops remove at once).
 */
final class FakeInstanceBackend implements InstanceBackend {
    final Map<FunctionRef, List<InstanceView>> instances = new ConcurrentHashMap<>();
    final List<Decision> applied = new CopyOnWriteArrayList<>();
    final List<String> rolled = new CopyOnWriteArrayList<>();
    final List<FunctionRef> removed = new CopyOnWriteArrayList<>();
    private final List<Consumer<FunctionRef>> listeners = new CopyOnWriteArrayList<>();
    final List<String> fastPromoted = new CopyOnWriteArrayList<>();
    volatile boolean fastPath = true;
    private int seq;

    static InstanceView ready(String id, Role role) {
        return new InstanceView(
                id, "10.0.0." + id.hashCode() % 200, 8080, role, InstanceView.State.READY, Instant.EPOCH, true);
    }

    void set(FunctionRef ref, InstanceView... views) {
        instances.put(ref, new ArrayList<>(List.of(views)));
    }

    /** Makes every starting instance ready and tells the loop, as a backend does. */
    void readyAll(FunctionRef ref) {
        List<InstanceView> now = new ArrayList<>();
        for (InstanceView i : instances.getOrDefault(ref, List.of())) {
            now.add(
                    i.state() == InstanceView.State.STARTING
                            ? new InstanceView(
                                    i.id(),
                                    i.host(),
                                    i.port(),
                                    i.role(),
                                    InstanceView.State.READY,
                                    i.startedAt(),
                                    i.current())
                            : i);
        }
        instances.put(ref, now);
        listeners.forEach(l -> l.accept(ref));
    }

    List<PoolAction> actions() {
        return applied.stream().flatMap(d -> d.actions().stream()).toList();
    }

    @Override
    public List<InstanceView> instances(FunctionRef function) {
        return List.copyOf(instances.getOrDefault(function, List.of()));
    }

    @Override
    public synchronized void apply(LoopFunction function, Decision d) {
        applied.add(d);
        List<InstanceView> rows = new ArrayList<>(instances.getOrDefault(function.ref(), List.of()));
        for (PoolAction a : d.actions()) {
            if (a instanceof PoolAction.StartActive s) {
                start(rows, s.count(), Role.ACTIVE, d.at());
            } else if (a instanceof PoolAction.StartWarm s) {
                start(rows, s.count(), Role.POOL, d.at());
            } else if (a instanceof PoolAction.Stop s) {
                rows.removeIf(i -> i.id().equals(s.id()));
            } else if (a instanceof PoolAction.Promote p) {
                rows.replaceAll(i -> i.id().equals(p.id())
                        ? new InstanceView(
                                i.id(), i.host(), i.port(), Role.ACTIVE, i.state(), i.startedAt(), i.current())
                        : i);
            }
        }
        instances.put(function.ref(), rows);
    }

    /** Promotes as {@link #apply} does; {@code fastPath} false makes it refuse, as a backend without one. */
    @Override
    public synchronized boolean promoteNow(FunctionRef function, String instanceId) {
        if (!fastPath) {
            return false;
        }
        fastPromoted.add(instanceId);
        List<InstanceView> rows = new ArrayList<>(instances.getOrDefault(function, List.of()));
        rows.replaceAll(i -> i.id().equals(instanceId)
                ? new InstanceView(i.id(), i.host(), i.port(), Role.ACTIVE, i.state(), i.startedAt(), i.current())
                : i);
        instances.put(function, rows);
        return true;
    }

    private void start(List<InstanceView> rows, int n, Role role, Instant at) {
        for (int k = 0; k < n; k++) {
            String id = "i" + (++seq);
            rows.add(new InstanceView(id, "127.0.0.1", 9000 + seq, role, InstanceView.State.STARTING, at, true));
        }
    }

    @Override
    public void roll(LoopFunction function) {
        rolled.add(function.revision());
    }

    @Override
    public void remove(FunctionRef function) {
        removed.add(function);
        instances.remove(function);
    }

    @Override
    public void onChange(Consumer<FunctionRef> listener) {
        listeners.add(listener);
    }
}
