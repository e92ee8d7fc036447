package dev.quiver.runtime.kafka;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.quiver.runtime.lifecycle.InstanceState;
import io.cloudevents.CloudEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The Kafka topic trigger: consumes the {@code quiver-trigger} channel (topic, group and failure strategy from
 * {@code quiver.kafka.*}, see the runtime's microprofile-config.properties) and invokes the function per record:
 * POST / in the binary mode, so Funqy routes it to the exported function or by the event's type.
 * Returning acknowledges the record (its offset is committed after the function returned: at-least-once); throwing
 * {@link TriggerFailure} nacks it, and the connector's dead-letter-queue strategy writes it to the dead-letter topic
 * with {@code dead-letter-reason}/{@code dead-letter-cause} headers, then moves on.
 */
@ApplicationScoped
@Startup
@IfBuildProperty(name = "quiver.kafka.enabled", stringValue = "true")
public class KafkaTrigger {

    private static final Logger LOG = Logger.getLogger(KafkaTrigger.class);
    public static final String CHANNEL = "quiver-trigger";

    private final RecordProcessor processor;

    KafkaTrigger(KafkaTriggerSettings settings, InstanceState state, KafkaTriggerStats stats,
            @ConfigProperty(name = "quarkus.funqy.export") Optional<String> exported) {
        this.processor = new RecordProcessor(new FunctionClient(state, "/", settings.timeout()), settings.schedule(),
                () -> ThreadLocalRandom.current().nextDouble(), exported.orElse("routed by ce-type"));
        stats.attach(processor);
        LOG.infof("Kafka trigger: topic '%s', group '%s', dead letters to '%s'", settings.topic(), settings.group(),
                settings.deadLetterTopic());
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = RecordEvents.toCloudEvent(record);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Dead-lettering %s/%d/%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            throw processor.unreadable(e.getMessage(), e);
        }
        try {
            processor.process(event);
        } catch (TriggerFailure failure) {
            LOG.warnf("Dead-lettering %s/%d/%d: %s", record.topic(), record.partition(), record.offset(),
                    failure.getMessage());
            throw failure;
        }
    }
}
