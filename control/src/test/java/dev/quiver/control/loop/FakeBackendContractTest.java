package dev.quiver.control.loop;

import dev.quiver.control.route.FunctionRef;
import dev.quiver.scaler.warmpool.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/** The backend contract on the hand-written backend (a reference for what the real ones must do). */
class FakeBackendContractTest extends BackendContract {
    final FakeInstanceBackend backend = new FakeInstanceBackend();

    @Override
    protected InstanceBackend backend(ScheduledExecutorService thread) {
        return backend;
    }

    @Override
    protected LoopFunction function(String name, Map<String, Object> scale) {
        return Specs.http(name, scale);
    }

    @Override
    protected void makeReady(FunctionRef ref) {
        backend.readyAll(ref);
    }

    @Override
    protected int activeWanted(FunctionRef ref) {
        return activeIds(ref).size();
    }

    @Override
    protected List<String> activeIds(FunctionRef ref) {
        return ids(ref, Role.ACTIVE);
    }

    @Override
    protected List<String> warmIds(FunctionRef ref) {
        return ids(ref, Role.POOL);
    }

    private List<String> ids(FunctionRef ref, Role role) {
        return backend.instances(ref).stream()
                .filter(i -> i.role() == role)
                .map(InstanceView::id)
                .toList();
    }
}
