package dev.quiver.broker;

import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.kafka.TopicAdmin;
import dev.quiver.broker.security.BrokerSecurity;
import dev.quiver.broker.trigger.InvalidTriggerException;
import dev.quiver.broker.trigger.LiveBrokers;
import dev.quiver.broker.trigger.TriggerYaml;
import dev.quiver.broker.trigger.Triggers;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * At start: create the brokers' topics, start the triggers of {@code quiver.broker.triggers-file}, apply every
 * stored Broker ({@code quiver.broker.kafka.brokers-topic}), then start every trigger of the triggers topic
 * ({@code quiver.broker.kafka.triggers-topic}), and keep following both topics (documents written through other
 * replicas); each trigger's consumer group resumes at its committed offsets.
 */
@ApplicationScoped
public class BrokerStartup {

    private static final Logger LOG = Logger.getLogger(BrokerStartup.class);

    void start(
            // before the admin port's listener (AdminListener, default priority): stored triggers are running before
            // the admin API answers; the main HTTP port only opens after every StartupEvent observer
            @Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event,
            BrokerSettings settings,
            BrokerSecurity security,
            TopicAdmin topics,
            LiveBrokers brokers,
            Triggers triggers) {
        security.warnings().forEach(LOG::warn);
        for (String broker : settings.brokers()) {
            topics.ensure(settings.topic(broker), settings.startupTimeout());
        }
        settings.triggersFile().ifPresent(file -> {
            String text;
            try {
                text = Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException("quiver.broker.triggers-file: cannot read '" + file + "'", e);
            }
            for (TriggerDocument r : TriggerYaml.readAll(text)) {
                try {
                    triggers.startConfigured(r);
                } catch (InvalidTriggerException e) {
                    throw new InvalidTriggerException("quiver.broker.triggers-file '" + file + "': " + e.getMessage());
                }
            }
        });
        brokers.follow(); // before the stored triggers: they name their brokers
        triggers.follow();
        LOG.infof(
                "broker ready: brokers %s on Kafka %s, %d trigger(s)",
                settings.brokers(), settings.bootstrapServers(), triggers.list().size());
    }
}
