package dev.quiver.examples.orders;

import dev.quiver.runtime.warmup.WarmUpHook;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Warms an order's real path before the instance reports ready: validation, totals and the result's JSON on a
 * synthetic order (against scratch totals: the real ones count only real orders), and the results producer's
 * connection and metadata for its topic (a real Kafka round trip that writes nothing).
 */
@Singleton
public class OrdersWarmUp implements WarmUpHook {
    private static final Logger LOG = Logger.getLogger(OrdersWarmUp.class);
    static final int ORDERS = 200;
    private static final Duration METADATA_WAIT = Duration.ofSeconds(10);

    @Inject
    KafkaClientService kafka;

    @ConfigProperty(name = "orders.results-topic", defaultValue = "order-results")
    String resultsTopic;

    @Override
    public void warmUp() {
        RunningTotals scratch = new RunningTotals();
        for (int i = 0; i < ORDERS; i++) {
            Order order = sample(i);
            if (!OrderValidation.problems(order).isEmpty()) {
                throw new IllegalStateException("the warm-up order is invalid: " + OrderValidation.problems(order));
            }
            JsonObject.mapFrom(scratch.add(order)).encode();
        }
        int partitions = kafka.getProducer("order-results")
                .partitionsFor(resultsTopic)
                .await()
                .atMost(METADATA_WAIT)
                .size();
        LOG.infof("Results producer warmed: %s has %d partition(s)", resultsTopic, partitions);
    }

    /** A valid order, read from JSON as a record from the topic is. */
    static Order sample(int i) {
        return new JsonObject("{\"id\":\"warm-up-" + i + "\",\"customer\":\"c" + (i % 7)
                        + "\",\"lines\":[{\"sku\":\"s\",\"quantity\":2,\"unitPriceCents\":150}]}")
                .mapTo(Order.class);
    }
}
