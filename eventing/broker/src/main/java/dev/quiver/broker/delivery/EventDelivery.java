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
import org.jboss.logging.Logger;

/**
 * Delivers one event to a trigger's subscriber: attempts and backoff per the delivery spec, replies published
 * back into the broker (with the hop guard), and dead-lettering after the last failure. The returned future
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
        attempt(route.subscriber(), route.spec(), event, 1, route.trigger(), result -> {
            if (AttemptOutcome.classify(result.status()) == AttemptOutcome.DELIVERED) {
                metrics.delivered(route.trigger(), Duration.between(start, clock.instant()));
                result.reply().ifPresent(reply -> publishReply(route, event, reply));
                done.complete(null);
            } else {
                metrics.failed(route.trigger());
                deadLetter(route, event, result).whenComplete((v, e) -> done.complete(null));
            }
        });
        return done;
    }

    private void attempt(URI target, DeliverySpec spec, CloudEvent event, int n, String trigger,
            java.util.function.Consumer<AttemptResult> last) {
        http.send(target, event, spec.timeout()).onComplete(ar -> {
            AttemptResult result = ar.result();
            AttemptOutcome outcome = AttemptOutcome.classify(result.status());
            Optional<Duration> retryIn = RetrySchedule.next(spec, n, outcome, result.status(),
                    result.retryAfter().flatMap(h -> RetryAfter.parse(h, clock.instant())));
            if (retryIn.isEmpty()) {
                last.accept(result);
                return;
            }
            metrics.retried(trigger);
            vertx.setTimer(Math.max(1, retryIn.get().toMillis()), id -> attempt(target, spec, event, n + 1,
                    trigger, last));
        });
    }

    private void publishReply(Route route, CloudEvent original, CloudEvent reply) {
        int hops = Hops.of(original) + 1;
        if (hops > maxHops) {
            metrics.dropped(route.trigger(), "hops");
            LOG.warnf("trigger %s: reply %s dropped after %d hops (quiver.broker.max-hops)", route.trigger(),
                    reply.getId(), hops);
            return;
        }
        CloudEvent marked = CloudEventBuilder.from(reply).withExtension(Hops.EXTENSION, hops).build();
        metrics.replied(route.trigger());
        kafka.publish(route.replyTopic(), marked).whenComplete((v, e) -> {
            if (e != null) {
                metrics.dropped(route.trigger(), "reply");
                LOG.warnf("trigger %s: reply %s not stored: %s", route.trigger(), reply.getId(), e.toString());
            }
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
            attempt(uri, route.spec(), marked, 1, route.trigger(), r -> finishDeadLetter(route, event,
                    AttemptOutcome.classify(r.status()) == AttemptOutcome.DELIVERED ? null
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
