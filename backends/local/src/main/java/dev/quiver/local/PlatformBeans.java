package dev.quiver.local;

import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.loop.FunctionLoop;
import dev.quiver.control.loop.LoopSettings;
import dev.quiver.control.loop.RoutePublisher;
import dev.quiver.control.observe.lag.KafkaLagReader;
import dev.quiver.control.observe.lag.LagReader;
import dev.quiver.control.observe.stats.StatsObserver;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.local.activator.Activator;
import dev.quiver.local.activator.LoopPoker;
import dev.quiver.local.backend.InstanceRunner;
import dev.quiver.local.backend.LocalBackend;
import dev.quiver.local.backend.process.InstancePids;
import dev.quiver.local.backend.process.ProcessBackend;
import dev.quiver.local.config.PlatformSettings;
import dev.quiver.local.direct.DirectAddresses;
import dev.quiver.local.launch.JvmCatalog;
import dev.quiver.local.launch.KnownJdks;
import dev.quiver.local.launch.Launcher;
import dev.quiver.local.loop.ControlLoop;
import dev.quiver.local.metrics.PlatformMeters;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionReader;
import dev.quiver.local.registry.FunctionRegistry;
import dev.quiver.local.registry.SpecStore;
import dev.quiver.local.registry.revision.RevisionStore;
import dev.quiver.local.registry.revision.RevisionsConfig;
import dev.quiver.local.security.ControlToken;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/** Wires the plain-Java parts; deploys the functions directory at start, stops every instance at shutdown. */
@ApplicationScoped
public class PlatformBeans {
    private static final Logger LOG = Logger.getLogger(PlatformBeans.class);

    @Produces
    @Singleton
    FunctionRegistry registry(PlatformSettings s) {
        return new FunctionRegistry(new FunctionReader(
                s.home(),
                s.security().artifactDirs(),
                KnownJdks.installed(s.instances().java(), System.getenv())::problem));
    }

    @Produces
    @Singleton
    InstanceRunner runner(PlatformSettings s, DirectAddresses direct) {
        Map<String, String> extra = s.kafkaBootstrap()
                .map(k -> Map.of("kafka.bootstrap.servers", k))
                .orElse(Map.of());
        Launcher launcher = new Launcher(
                new JvmCatalog(), s.instances().java(), s.instances().archive(), JvmCatalog.current());
        return new ProcessBackend(s.instances(), s.dataDir(), extra, launcher, direct.instanceEnv());
    }

    @Produces
    @Singleton
    LagReader lag(PlatformSettings s) {
        return s.kafkaBootstrap()
                .<LagReader>map(k -> new KafkaLagReader(k, Duration.ofSeconds(2), "quiver-platform-lag"))
                .orElse(LagReader.NONE);
    }

    @Produces
    @Singleton
    ControlLoop loop(
            PlatformSettings s,
            FunctionRegistry registry,
            dev.quiver.control.activator.Activator activator,
            LoopPoker poker,
            PublishedEndpoints endpoints,
            InstanceRunner runner,
            LagReader lag,
            Clock clock,
            MeterRegistry meters,
            ColdStartRecorder coldStarts,
            RevisionsConfig revisions,
            DirectAddresses direct) {
        ControlLoop loop = create(
                s,
                registry,
                activator,
                (function, instance) -> activator.inFlight(FunctionRef.local(function), instance),
                endpoints,
                runner,
                lag,
                clock,
                new PlatformMeters(meters),
                coldStarts,
                RevisionsConfig.keep(revisions));
        poker.attach(loop.loop());
        loop.backend().direct(direct);
        direct.attach(loop.backend());
        return loop;
    }

    /**
     * The shared loop over the process backend: it publishes each function's ready instances to {@code endpoints}
     * (the activator's directory), counts the activator's held requests as concurrency and, before stopping an
     * instance, waits for the activator's requests in flight to it.
     */
    public static ControlLoop create(
            PlatformSettings s,
            FunctionRegistry registry,
            QueuedRequests queued,
            LocalBackend.ActivatorInFlight inFlight,
            PublishedEndpoints endpoints,
            InstanceRunner runner,
            LagReader lag,
            Clock clock,
            PlatformMeters meters,
            ColdStartRecorder coldStarts) {
        return create(
                s,
                registry,
                queued,
                inFlight,
                endpoints,
                runner,
                lag,
                clock,
                meters,
                coldStarts,
                RevisionsConfig.DEFAULT_KEEP);
    }

    /** As above, keeping the newest {@code keepRevisions} revisions of each function (and every serving one). */
    public static ControlLoop create(
            PlatformSettings s,
            FunctionRegistry registry,
            QueuedRequests queued,
            LocalBackend.ActivatorInFlight inFlight,
            PublishedEndpoints endpoints,
            InstanceRunner runner,
            LagReader lag,
            Clock clock,
            PlatformMeters meters,
            ColdStartRecorder coldStarts,
            int keepRevisions) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quiver-loop");
            t.setDaemon(true);
            return t;
        });
        LocalBackend backend =
                new LocalBackend(runner, thread, clock, s.instances().drainTimeout(), coldStarts, inFlight);
        FunctionLoop loop = new FunctionLoop(
                backend,
                new StatsObserver(s.scrapeInterval().multipliedBy(8).dividedBy(10)),
                lag,
                queued,
                RoutePublisher.of(endpoints),
                clock,
                thread,
                new LoopSettings(s.scrapeInterval(), s.historySeconds()));
        return new ControlLoop(
                loop,
                backend,
                registry,
                meters,
                coldStarts,
                thread,
                RevisionStore.inDataDir(s.dataDir()),
                endpoints,
                clock,
                keepRevisions);
    }

    @Produces
    @Singleton
    SpecStore specs(PlatformSettings s) {
        return SpecStore.inDataDir(s.dataDir());
    }

    @Produces
    @Singleton
    BrokerTriggers triggers(PlatformSettings s, ControlToken token) {
        return new BrokerTriggers(s.brokerUrl().orElse(null), token.value());
    }

    void start(
            @Observes StartupEvent ev,
            PlatformSettings s,
            FunctionRegistry registry,
            ControlLoop loop,
            BrokerTriggers triggers,
            Activator activator,
            SpecStore specs) {
        List<Long> reaped =
                InstancePids.inDataDir(s.dataDir()).reap(s.instances().drainTimeout());
        if (!reaped.isEmpty()) {
            LOG.warnf("Stopped %d instance(s) left running by a previous platform: %s", reaped.size(), reaped);
        }
        SpecStore.Restored restored = specs.restore(registry.reader());
        restored.skipped().forEach(line -> LOG.errorf("Not restoring a deployed function: %s", line));
        for (FunctionDefinition f : restored.functions()) {
            loop.deploy(f);
            triggers.apply(f, activator.port());
        }
        if (!restored.functions().isEmpty()) {
            LOG.infof(
                    "Restored %d function(s) deployed through the API from %s",
                    restored.functions().size(), specs.dir());
        }
        s.functionsDir().ifPresent(dir -> {
            for (FunctionDefinition f : registry.readAll(s.home().resolve(dir))) {
                loop.deploy(f);
                triggers.apply(f, activator.port());
            }
        });
        triggers.startResync(registry::all, activator::port, s.triggerResync());
        loop.start();
        LOG.infof("Quiver platform ready; data in %s", s.dataDir());
    }

    void stop(@Observes ShutdownEvent ev, ControlLoop loop, BrokerTriggers triggers, DirectAddresses direct) {
        triggers.close();
        direct.close();
        loop.close();
    }
}
