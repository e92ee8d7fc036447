package dev.quiver.runtime.metrics;

import dev.quiver.runtime.lifecycle.InstanceState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The JVM and system meters ({@code jvm_*}, {@code process_*}, {@code system_*}) bound a moment after the instance is
 * ready instead of during start-up: loading the JMX beans behind them was ~6 % of the start-up CPU of a small
 * function. The runtime turns off Quarkus's own JVM and system binders ({@code quarkus.micrometer.binder.jvm} and
 * {@code .system}, build time) and binds the same Micrometer binders here; an app that switches the Quarkus binders
 * back on gets them at start (this then does nothing). {@link #DELAY_MILLIS} after ready, on its own thread.
 */
@Singleton
public class LateBinders {
    private static final Logger LOG = Logger.getLogger(LateBinders.class);
    static final long DELAY_MILLIS = 1000;

    void onStart(@Observes StartupEvent event, InstanceState state, MeterRegistry registry) {
        // read from the config directly: an injected @ConfigProperty would build the config producer bean at start
        boolean quarkusJvm = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.micrometer.binder.jvm", Boolean.class)
                .orElse(false);
        if (quarkusJvm) {
            return;
        }
        state.whenReady()
                .thenRunAsync(
                        () -> bind(registry),
                        CompletableFuture.delayedExecutor(DELAY_MILLIS, TimeUnit.MILLISECONDS, r -> {
                            Thread t = new Thread(r, "quiver-late-binders");
                            t.setDaemon(true);
                            t.start();
                        }));
    }

    static List<MeterBinder> binders() {
        return List.of(
                new JvmMemoryMetrics(),
                new JvmGcMetrics(),
                new JvmThreadMetrics(),
                new ClassLoaderMetrics(),
                new JvmHeapPressureMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics());
    }

    static void bind(MeterRegistry registry) {
        try {
            binders().forEach(b -> b.bindTo(registry));
        } catch (RuntimeException e) {
            LOG.warnf("JVM and system meters not bound: %s", e.toString());
        }
    }
}
