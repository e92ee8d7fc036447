package dev.quiver.local.supervise;

import dev.quiver.api.control.ComponentStatus;
import dev.quiver.api.security.SecretFile;
import dev.quiver.local.config.PlatformSettings;
import dev.quiver.local.config.SuperviseSettings;
import dev.quiver.local.registry.FunctionRegistry;
import dev.quiver.local.security.ControlToken;
import dev.quiver.local.trigger.BrokerTriggers;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * With {@code quiver.platform.supervise.enabled}, starts Kafka, the broker and the sources before the rest of the
 * platform starts (an early start-up observer: the control loop finds Kafka running), and stops them last.
 */
@ApplicationScoped
public class SupervisorLifecycle {
    private static final Logger LOG = Logger.getLogger(SupervisorLifecycle.class);

    private final SuperviseSettings settings;
    private final PlatformSettings platform;
    private final Clock clock;
    private final Instance<FunctionRegistry> registry;
    private final Instance<BrokerTriggers> triggers;
    private final ControlToken token;
    private volatile Supervisor supervisor;

    public SupervisorLifecycle(
            SuperviseSettings settings,
            PlatformSettings platform,
            Clock clock,
            Instance<FunctionRegistry> registry,
            Instance<BrokerTriggers> triggers,
            ControlToken token) {
        this.token = token;
        this.settings = settings;
        this.platform = platform;
        this.clock = clock;
        this.registry = registry;
        this.triggers = triggers;
    }

    void start(@Observes @Priority(10) StartupEvent e) {
        if (!settings.enabled()) {
            return;
        }
        if (!Files.isRegularFile(settings.brokerJar())) {
            throw new Supervisor.SupervisorException(
                    "quiver.platform.supervise: the broker is not built (" + settings.brokerJar()
                            + " is missing); build it: ./mvnw -B install -DskipTests -pl eventing/broker -am");
        }
        if (settings.sourcesEnabled() && !Files.isRegularFile(settings.sourcesJar())) {
            LOG.infof("sources not started: %s is not built", settings.sourcesJar());
        }
        List<Component> components = PlatformComponents.plan(
                settings,
                PlatformComponents.currentJava(),
                platform.dataDir(),
                platform.activator().port(),
                token.file());
        SecretFile.token(PlatformComponents.webhookTokenFile(platform.dataDir()));
        Supervisor s =
                new Supervisor(components, settings.restart(), settings.readyTimeout(), settings.stopTimeout(), clock);
        s.onRestarted(this::restarted);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "quiver-supervisor-stop"));
        s.start();
        supervisor = s;
    }

    void stop(@Observes @Priority(10_000) ShutdownEvent e) {
        Supervisor s = supervisor;
        if (s != null) {
            s.close();
        }
    }

    /** A restarted broker has lost its triggers (they live in its memory): the functions' triggers again. */
    private void restarted(String component) {
        if (!component.equals("broker")) {
            return;
        }
        for (var f : registry.get().all()) {
            triggers.get().apply(f, platform.activator().port());
        }
        LOG.infof("broker restarted: the functions' broker triggers applied again");
    }

    /** The supervised processes; empty when supervision is off. */
    public List<ComponentStatus> status() {
        Supervisor s = supervisor;
        return s == null ? List.of() : s.status();
    }
}
