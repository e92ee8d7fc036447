package dev.quiver.runtime.testapp;

import dev.quiver.runtime.warmup.WarmUpHook;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;

/** A warm-up hook whose service is down: the instance must become ready anyway. */
@Singleton
@IfBuildProperty(name = "test.warmup-hook", stringValue = "true")
public class FailingWarmUp implements WarmUpHook {
    @Override
    public void warmUp() {
        throw new IllegalStateException("the object store is unreachable");
    }
}
