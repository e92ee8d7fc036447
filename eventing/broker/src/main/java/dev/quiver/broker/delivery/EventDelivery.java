package dev.quiver.broker.delivery;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.spi.Scheduler;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Delivers one event to a trigger's subscriber: attempts and backoff per the delivery spec, replies published
 * back into the broker (with the hop guard; a reply Kafka did not store fails the attempt), and dead-lettering after
 * the last failure. The returned future completes once the event is delivered, dead-lettered or dropped, and never
 * fails: then its offset may be committed. Decisions are made by {@link AttemptOutcome} and {@link DeliveryRetries}
 * (the shared {@link dev.quiver.api.retry.RetrySchedule}); Failsafe runs the attempts, on Vert.x
 * ({@link VertxScheduler}: the first attempt on a Vert.x context, retries on Vert.x timers).
 */
public class EventDelivery {

    private static final Logger LOG = Logger.getLogger(EventDelivery.class);

    private final HttpSender http;
    private final EventSink kafka;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final int maxHops;
    private final int maxErrorBody;
    private final DeliveryRetries retries;
    private final Scheduler scheduler;

    /** @param jitter opt-in spread of the backoff (0 = Knative's exact delays), see {@link DeliveryRetries} */
    public EventDelivery(
            Vertx vertx,
            HttpSender http,
            EventSink kafka,
            DeliveryMetrics metrics,
            Clock clock,
            int maxHops,
            int maxErrorBody,
            double jitter) {
        this.http = http;
        this.kafka = kafka;
        this.metrics = metrics;
        this.clock = clock;
        this.maxHops = maxHops;
        this.maxErrorBody = maxErrorBody;
        this.retries =
                new DeliveryRetries(jitter, () -> ThreadLocalRandom.current().nextDouble(), clock);
        this.scheduler = new VertxScheduler(vertx);
    }

    public CompletableFuture<Void> deliver(Route route, CloudEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant start = clock.instant();
        attempts(route.subscriber(), route.spec(), event, route.trigger(), r -> storeReply(route, event, r))
                .thenAccept(result -> {
                    if (result.outcome() == AttemptOutcome.DELIVERED) {
                        metrics.delivered(route.trigger(), Duration.between(start, clock.instant()));
                        done.complete(null);
                    } else {
                        metrics.failed(route.trigger());
                        deadLetter(route, event, result).whenComplete((v, e) -> done.complete(null));
                    }
                });
        return done;
    }

    /**
     * Attempts until one is not to be retried or the spec's retries are used up: each is an HTTP POST, then
     * {@code check} (which may turn a 2xx into a failure). Completes with the last attempt's result, never fails.
     */
    private CompletableFuture<AttemptResult> attempts(
            URI target,
            DeliverySpec spec,
            CloudEvent event,
            String trigger,
            Function<AttemptResult, CompletionStage<AttemptResult>> check) {
        RetryPolicy<AttemptResult> policy = retries.policy(spec)
                .onRetryScheduled(e -> metrics.retried(trigger))
                .build();
        return Failsafe.with(policy)
                .with(scheduler)
                .getStageAsync(() -> http.send(target, event, spec.timeout())
                        .toCompletionStage()
                        .thenCompose(check))
                .exceptionally(e -> new AttemptResult(
                        0, String.valueOf(e).getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty()));
    }

    /**
     * A reply is published into the broker before the event counts as delivered; if Kafka does not store it, the
     * attempt failed and the event is tried again per its delivery spec (the subscriber answers again).
     */
    private CompletionStage<AttemptResult> storeReply(Route route, CloudEvent original, AttemptResult result) {
        if (result.outcome() != AttemptOutcome.DELIVERED || result.reply().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        CloudEvent reply = result.reply().get();
        int hops = Hops.of(original) + 1;
        if (hops > maxHops) {
            metrics.dropped(route.trigger(), "hops");
            LOG.warnf(
                    "trigger %s: reply %s dropped after %d hops (quiver.broker.max-hops)",
                    route.trigger(), reply.getId(), hops);
            return CompletableFuture.completedFuture(result);
        }
        CompletableFuture<Void> stored;
        try {
            stored = kafka.publish(
                    route.replyTopic(),
                    CloudEventBuilder.from(reply)
                            .withExtension(Hops.EXTENSION, hops)
                            .build());
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.handle((v, e) -> {
            if (e == null) {
                metrics.replied(route.trigger());
                return result;
            }
            LOG.warnf(
                    "trigger %s: reply %s to event %s not stored, the event counts as not delivered: %s",
                    route.trigger(), reply.getId(), original.getId(), e.toString());
            return result.withReplyNotStored(e.toString());
        });
    }

    private CompletableFuture<Void> deadLetter(Route route, CloudEvent event, AttemptResult last) {
        Optional<DeadLetterSink> sink = route.spec().deadLetterSink();
        if (sink.isEmpty()) {
            metrics.dropped(route.trigger(), "no-dead-letter-sink");
            LOG.warnf(
                    "trigger %s: event %s dropped after its last attempt (status %d), no dead-letter sink",
                    route.trigger(), event.getId(), last.status());
            return CompletableFuture.completedFuture(null);
        }
        CloudEvent marked = DeadLetterAttributes.mark(
                event, route.subscriber().toString(), last.status(), last.body(), maxErrorBody);
        CompletableFuture<Void> stored = new CompletableFuture<>();
        if (sink.get() instanceof DeadLetterSink.KafkaTopic topic) {
            kafka.publish(topic.topic(), marked).whenComplete((v, e) -> finishDeadLetter(route, event, e, stored));
        } else {
            URI uri = ((DeadLetterSink.Http) sink.get()).uri();
            attempts(uri, route.spec(), marked, route.trigger(), CompletableFuture::completedFuture)
                    .thenAccept(r -> finishDeadLetter(
                            route,
                            event,
                            r.outcome() == AttemptOutcome.DELIVERED
                                    ? null
                                    : new IllegalStateException("dead-letter sink answered " + r.status()),
                            stored));
        }
        return stored;
    }

    private void finishDeadLetter(Route route, CloudEvent event, Throwable error, CompletableFuture<Void> stored) {
        if (error == null) {
            metrics.deadLettered(route.trigger());
        } else {
            metrics.dropped(route.trigger(), "dead-letter-failed");
            LOG.errorf(
                    "trigger %s: event %s dropped, dead-letter sink failed: %s",
                    route.trigger(), event.getId(), error.toString());
        }
        stored.complete(null);
    }
}
