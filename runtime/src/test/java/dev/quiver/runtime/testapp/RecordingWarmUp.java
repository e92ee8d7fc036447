package dev.quiver.runtime.testapp;

import dev.quiver.runtime.lifecycle.InstanceState;
import dev.quiver.runtime.warmup.WarmUpHook;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A warm-up hook that records the instance's phase each time it runs (only in tests that enable it). */
@Singleton
@IfBuildProperty(name = "test.warmup-hook", stringValue = "true")
public class RecordingWarmUp implements WarmUpHook {
    private static final List<InstanceState.Phase> PHASES = new CopyOnWriteArrayList<>();

    @Inject
    InstanceState state;

    @Override
    public void warmUp() {
        PHASES.add(state.phase());
    }

    public static List<InstanceState.Phase> phases() {
        return List.copyOf(PHASES);
    }
}
