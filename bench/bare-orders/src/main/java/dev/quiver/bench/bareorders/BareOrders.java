package dev.quiver.bench.bareorders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.quiver.examples.orders.InvalidOrderException;
import dev.quiver.examples.orders.Order;
import dev.quiver.examples.orders.OrderValidation;
import dev.quiver.examples.orders.RunningTotals;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * What the orders function does (validate, add to the running totals, publish the result keyed by customer), as a
 * bare messaging-kafka processor: the framework publishes the returned record and acknowledges the order's offset
 * once Kafka acknowledged the result; an invalid order is nacked to the dead-letter topic.
 */
@ApplicationScoped
public class BareOrders {

    private final RunningTotals totals = new RunningTotals();
    private final ObjectReader orders;
    private final ObjectWriter results;

    BareOrders(ObjectMapper mapper) {
        this.orders = mapper.readerFor(Order.class);
        this.results = mapper.writerFor(RunningTotals.Result.class);
    }

    @Incoming("orders")
    @Outgoing("order-results")
    public Record<String, String> process(byte[] value) throws Exception {
        Order order = orders.readValue(value);
        List<String> problems = OrderValidation.problems(order);
        if (!problems.isEmpty()) {
            throw new InvalidOrderException(problems);
        }
        RunningTotals.Result result = totals.add(order);
        return result.duplicate() ? null : Record.of(order.customer(), results.writeValueAsString(result));
    }
}
