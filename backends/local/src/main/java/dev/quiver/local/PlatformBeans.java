package dev.quiver.local;

import dev.quiver.local.activator.Activator;
import dev.quiver.local.activator.Gates;
import dev.quiver.local.backend.InstanceBackend;
import dev.quiver.local.backend.process.ProcessBackend;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.local.config.PlatformSettings;
import dev.quiver.local.launch.JvmCatalog;
import dev.quiver.local.launch.Launcher;
import dev.quiver.control.activator.coldstart.ColdStartMeters;
import dev.quiver.local.loop.ControlLoop;
import dev.quiver.local.metrics.AdminLagReader;
import dev.quiver.local.metrics.LagReader;
import dev.quiver.local.metrics.PlatformMeters;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionReader;
import dev.quiver.local.registry.FunctionRegistry;
import dev.quiver.local.trigger.BrokerTriggers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/** Wires the plain-Java parts; deploys the functions directory at start, stops every instance at shutdown. */
@ApplicationScoped
public class PlatformBeans {
    private static final Logger LOG = Logger.getLogger(PlatformBeans.class);

    @Produces
    @Singleton
    FunctionRegistry registry(PlatformSettings s) {
        return new FunctionRegistry(new FunctionReader(s.home()));
    }

    @Produces
    @Singleton
    InstanceBackend backend(PlatformSettings s) {
        Map<String, String> extra = s.kafkaBootstrap().map(k -> Map.of("kafka.bootstrap.servers", k))
                .orElse(Map.of());
        Launcher launcher = new Launcher(new JvmCatalog(), s.instances().java(), s.instances().archive(),
                JvmCatalog.current());
        return new ProcessBackend(s.instances(), s.dataDir(), extra, launcher);
    }

    @Produces
    @Singleton
    ColdStartRecorder coldStarts(MeterRegistry meters) {
        return new ColdStartRecorder(new ColdStartMeters(meters));
    }

    @Produces
    @Singleton
    LagReader lag(PlatformSettings s) {
        return s.kafkaBootstrap().<LagReader>map(k -> new AdminLagReader(k, Duration.ofSeconds(2)))
                .orElse(LagReader.NONE);
    }

    @Produces
    @Singleton
    ControlLoop loop(PlatformSettings s, FunctionRegistry registry, Gates gates, InstanceBackend backend,
                     LagReader lag, Clock clock, MeterRegistry meters, ColdStartRecorder coldStarts) {
        return new ControlLoop(s, registry, gates, backend, lag, clock, new PlatformMeters(meters), coldStarts);
    }

    @Produces
    @Singleton
    BrokerTriggers triggers(PlatformSettings s) {
        return new BrokerTriggers(s.brokerUrl().orElse(null));
    }

    void start(@Observes StartupEvent ev, PlatformSettings s, FunctionRegistry registry, ControlLoop loop,
               BrokerTriggers triggers, Activator activator) {
        s.functionsDir().ifPresent(dir -> {
            for (FunctionDefinition f : registry.readAll(s.home().resolve(dir))) {
                loop.deploy(f);
                triggers.apply(f, activator.port());
            }
        });
        loop.start();
        LOG.infof("Quiver platform ready; data in %s", s.dataDir());
    }

    void stop(@Observes ShutdownEvent ev, ControlLoop loop) {
        loop.close();
    }
}
