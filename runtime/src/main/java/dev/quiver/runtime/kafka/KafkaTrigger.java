package dev.quiver.runtime.kafka;

import dev.quiver.runtime.http.InstanceTraffic;
import dev.quiver.runtime.kafka.KafkaTriggerSettings.Delivery;
import dev.quiver.runtime.kafka.KafkaTriggerSettings.Invocation;
import dev.quiver.runtime.kafka.KafkaTriggerSettings.Ordering;
import dev.quiver.runtime.lifecycle.InstanceState;
import io.cloudevents.CloudEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.funqy.runtime.FunctionRecorder;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The Kafka topic trigger: consumes the {@code quiver-trigger} channel (topic, group and failure strategy from
 * {@code quiver.kafka.*}, see the runtime's microprofile-config.properties) and invokes the function per record,
 * {@code quiver.kafka.concurrency} records at once: records of one key (ordering {@code key}, the default) or of one
 * partition (ordering {@code partition}) one after another in offset order, others side by side
 * ({@link OrderedLanes}). At most {@code quiver.kafka.max-pending} records are taken and not yet done; the consumer
 * waits above that.
 * <p>
 * A record is acknowledged once the function completed for it (an async function's {@code Uni} included, so a result
 * it produces has been acknowledged by Kafka); the throttled commit strategy commits, every
 * {@code auto.commit.interval.ms}, only offsets below the oldest record not yet acknowledged: at-least-once. A
 * {@link TriggerFailure} nacks it, and the connector's dead-letter-queue strategy writes it to the dead-letter topic
 * with {@code dead-letter-reason}/{@code dead-letter-cause} headers, then acknowledges it.
 */
@ApplicationScoped
@Startup
@IfBuildProperty(name = "quiver.kafka.enabled", stringValue = "true")
public class KafkaTrigger {

    private static final Logger LOG = Logger.getLogger(KafkaTrigger.class);
    public static final String CHANNEL = "quiver-trigger";

    private final RecordProcessor processor;
    private final OrderedLanes<Object> lanes;
    private final Ordering ordering;
    private final ExecutorService workers;

    KafkaTrigger(
            KafkaTriggerSettings settings,
            InstanceState state,
            InstanceTraffic traffic,
            KafkaTriggerStats stats,
            Config config) {
        Delivery delivery = settings.delivery();
        Optional<String> exported = config.getOptionalValue("quarkus.funqy.export", String.class);
        this.workers = Executors.newFixedThreadPool(delivery.concurrency(), threads());
        RecordProcessor.Invoker invoker = delivery.invocation() == Invocation.HTTP
                ? new FunctionClient(state, "/", settings.timeout())
                : new InProcessInvoker(
                        state,
                        traffic,
                        InProcessInvoker.routes(
                                FunctionRecorder.registry.invokers(),
                                exported,
                                fn -> config.getOptionalValue(
                                                "quarkus.funqy.knative-events.mapping.\"" + fn + "\".trigger",
                                                String.class)
                                        .or(() -> config.getOptionalValue(
                                                "quarkus.funqy.knative-events.mapping." + fn + ".trigger",
                                                String.class))),
                        settings.timeout());
        this.processor = new RecordProcessor(
                invoker,
                settings.schedule(),
                () -> ThreadLocalRandom.current().nextDouble(),
                exported.orElse("routed by ce-type"),
                workers);
        this.lanes = new OrderedLanes<>(delivery.maxPending());
        this.ordering = delivery.ordering();
        stats.attach(processor, lanes);
        LOG.infof(
                "Kafka trigger: topic '%s', group '%s', dead letters to '%s', %d at once (%s order, %s), "
                        + "at most %d pending",
                settings.topic(),
                settings.group(),
                settings.deadLetterTopic(),
                delivery.concurrency(),
                ordering.name().toLowerCase(),
                delivery.invocation().name().toLowerCase(),
                delivery.maxPending());
    }

    /** Hands the record to its lane and returns at once, or when there is room again (backpressure). */
    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        ConsumerRecord<String, byte[]> record = recordOf(message);
        lanes.submit(lane(record, ordering), () -> process(record)).whenComplete((ignored, failure) -> {
            if (failure == null) {
                message.ack();
                return;
            }
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (!(cause instanceof TriggerFailure)) {
                // stopping: neither acknowledged nor dead-lettered, so its offset stays uncommitted
                LOG.debugf(
                        "Leaving %s/%d/%d uncommitted: %s", record.topic(), record.partition(), record.offset(), cause);
                return;
            }
            LOG.warnf(
                    "Dead-lettering %s/%d/%d: %s",
                    record.topic(), record.partition(), record.offset(), cause.getMessage());
            message.nack(cause);
        });
        return lanes.room();
    }

    private CompletionStage<Void> process(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = RecordEvents.toCloudEvent(record);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(processor.unreadable(e.getMessage(), e));
        }
        return processor.process(event);
    }

    /** The lane of a record: its partition and key (a null key: the partition's keyless lane), or its partition. */
    static Object lane(ConsumerRecord<String, ?> record, Ordering ordering) {
        if (ordering == Ordering.PARTITION) {
            return record.topic() + "/" + record.partition();
        }
        return record.topic() + "/" + record.partition() + (record.key() == null ? "" : "/k:" + record.key());
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> recordOf(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, byte[]>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("not a Kafka record: " + message));
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "quiver-kafka-trigger-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }
}
