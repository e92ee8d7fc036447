package dev.quiver.examples.orders;

import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Consumes orders from the {@code orders} topic (the runtime's Kafka trigger), validates each, adds it to the running
 * totals and publishes the result to {@code order-results}. It returns the send's {@code Uni}: the trigger takes the
 * order as done (and may commit its offset) only once Kafka has acknowledged the result, without a thread waiting
 * for it, so results of many orders are in flight (and batched by the producer) at once. An invalid order throws:
 * after the trigger's retries it lands in {@code orders-dlq}. One instance serves every order ({@code @Singleton}:
 * without a scope Funqy would build the bean, and inject its emitter, once per order).
 */
@Singleton
public class OrdersFunction {

    @Inject
    OrderTotals totals;

    @Inject
    @Channel("order-results")
    Emitter<Record<String, String>> results;

    @Funq
    public Uni<RunningTotals.Result> orders(Order order) {
        List<String> problems = OrderValidation.problems(order);
        if (!problems.isEmpty()) {
            throw new InvalidOrderException(problems);
        }
        RunningTotals.Result result = totals.add(order);
        if (result.duplicate()) {
            return Uni.createFrom().item(result);
        }
        return Uni.createFrom()
                .completionStage(results.send(
                        Record.of(order.customer(), JsonObject.mapFrom(result).encode())))
                .replaceWith(result);
    }
}
