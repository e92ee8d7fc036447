package dev.quiver.examples.orders;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.quarkus.funqy.Funq;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vertx.core.json.JsonObject;

/**
 * Consumes orders from the {@code orders} topic (the runtime's Kafka trigger), validates each, adds it to the running
 * totals and publishes the result to {@code order-results}, waiting for Kafka's acknowledgement before returning so
 * that the input offset is committed only after the result is stored. An invalid order throws: after the trigger's
 * retries it lands in {@code orders-dlq}.
 */
public class OrdersFunction {

    @Inject
    OrderTotals totals;

    @Inject
    @Channel("order-results")
    Emitter<Record<String, String>> results;

    @Funq
    public RunningTotals.Result orders(Order order) throws Exception {
        List<String> problems = OrderValidation.problems(order);
        if (!problems.isEmpty()) {
            throw new InvalidOrderException(problems);
        }
        RunningTotals.Result result = totals.add(order);
        if (!result.duplicate()) {
            results.send(Record.of(order.customer(), JsonObject.mapFrom(result).encode()))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        return result;
    }
}
