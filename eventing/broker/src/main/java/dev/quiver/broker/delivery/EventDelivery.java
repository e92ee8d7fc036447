package dev.quiver.broker.delivery;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Delivers one event to a trigger's subscriber: attempts and backoff per the delivery spec, replies published
 * back into the broker (with the hop guard; a reply Kafka did not store fails the attempt), and dead-lettering after the last failure. The returned future
 * completes once the event is delivered, dead-lettered or dropped, and never fails: then its offset may be
 * committed. Decisions are made by {@link AttemptOutcome} and {@link RetrySchedule}; this class only wires them to
 * Vert.x timers and HTTP.
 */
public class EventDelivery {

    private static final Logger LOG = Logger.getLogger(EventDelivery.class);

    private final Vertx vertx;
    private final HttpSender http;
    private final EventSink kafka;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final int maxHops;
    private final int maxErrorBody;

    public EventDelivery(Vertx vertx, HttpSender http, EventSink kafka, DeliveryMetrics metrics, Clock clock,
            int maxHops, int maxErrorBody) {
        this.vertx = vertx;
        this.http = http;
        this.kafka = kafka;
        this.metrics = metrics;
        this.clock = clock;
        this.maxHops = maxHops;
        this.maxErrorBody = maxErrorBody;
    }

    public CompletableFuture<Void> deliver(Route route, CloudEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant start = clock.instant();
        attempt(route.subscriber(), route.spec(), event, 1, route.trigger(), r -> storeReply(route, event, r),
                result -> {
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
     * One attempt, then {@code check} (which may turn a 2xx into a failure), then the next attempt after the
     * backoff, or {@code last} with the final result.
     */
    private void attempt(URI target, DeliverySpec spec, CloudEvent event, int n, String trigger,
            Function<AttemptResult, CompletionStage<AttemptResult>> check, Consumer<AttemptResult> last) {
        http.send(target, event, spec.timeout()).onComplete(ar -> check.apply(ar.result()).thenAccept(result -> {
            Optional<Duration> retryIn = RetrySchedule.next(spec, n, result.outcome(), result.status(),
                    result.retryAfter().flatMap(h -> RetryAfter.parse(h, clock.instant())));
            if (retryIn.isEmpty()) {
                last.accept(result);
                return;
            }
            metrics.retried(trigger);
            vertx.setTimer(Math.max(1, retryIn.get().toMillis()), id -> attempt(target, spec, event, n + 1,
                    trigger, check, last));
        }));
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
            LOG.warnf("trigger %s: reply %s dropped after %d hops (quiver.broker.max-hops)", route.trigger(),
                    reply.getId(), hops);
            return CompletableFuture.completedFuture(result);
        }
        CompletableFuture<Void> stored;
        try {
            stored = kafka.publish(route.replyTopic(),
                    CloudEventBuilder.from(reply).withExtension(Hops.EXTENSION, hops).build());
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.handle((v, e) -> {
            if (e == null) {
                metrics.replied(route.trigger());
                return result;
            }
            LOG.warnf("trigger %s: reply %s to event %s not stored, the event counts as not delivered: %s",
                    route.trigger(), reply.getId(), original.getId(), e.toString());
            return result.withReplyNotStored(e.toString());
        });
    }

    private CompletableFuture<Void> deadLetter(Route route, CloudEvent event, AttemptResult last) {
        Optional<DeadLetterSink> sink = route.spec().deadLetterSink();
        if (sink.isEmpty()) {
            metrics.dropped(route.trigger(), "no-dead-letter-sink");
            LOG.warnf("trigger %s: event %s dropped after its last attempt (status %d), no dead-letter sink",
                    route.trigger(), event.getId(), last.status());
            return CompletableFuture.completedFuture(null);
        }
        CloudEvent marked = DeadLetterAttributes.mark(event, route.subscriber().toString(), last.status(),
                last.body(), maxErrorBody);
        CompletableFuture<Void> stored = new CompletableFuture<>();
        if (sink.get() instanceof DeadLetterSink.KafkaTopic topic) {
            kafka.publish(topic.topic(), marked).whenComplete((v, e) -> finishDeadLetter(route, event, e, stored));
        } else {
            URI uri = ((DeadLetterSink.Http) sink.get()).uri();
            attempt(uri, route.spec(), marked, 1, route.trigger(), CompletableFuture::completedFuture,
                    r -> finishDeadLetter(route, event, r.outcome() == AttemptOutcome.DELIVERED ? null
                            : new IllegalStateException("dead-letter sink answered " + r.status()), stored));
        }
        return stored;
    }

    private void finishDeadLetter(Route route, CloudEvent event, Throwable error, CompletableFuture<Void> stored) {
        if (error == null) {
            metrics.deadLettered(route.trigger());
        } else {
            metrics.dropped(route.trigger(), "dead-letter-failed");
            LOG.errorf("trigger %s: event %s dropped, dead-letter sink failed: %s", route.trigger(), event.getId(),
                    error.toString());
        }
        stored.complete(null);
    }
}
