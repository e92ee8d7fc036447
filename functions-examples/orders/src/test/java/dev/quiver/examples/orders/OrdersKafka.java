package dev.quiver.examples.orders;

import dev.quiver.kafka.local.SharedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** A real Kafka with the topics the orders app uses: orders (4 partitions), orders-dlq and order-results. */
public class OrdersKafka implements QuarkusTestResourceLifecycleManager {

    static final String ORDERS = "orders";
    static final String DLQ = "orders-dlq";
    static final String RESULTS = "order-results";

    @Override
    public Map<String, String> start() {
        String servers = SharedKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(
                            new NewTopic(ORDERS, 4, (short) 1),
                            new NewTopic(DLQ, 1, (short) 1),
                            new NewTopic(RESULTS, 4, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the orders topics", e);
        }
        return Map.of("kafka.bootstrap.servers", servers);
    }

    @Override
    public void stop() {
        // the shared broker stops at JVM exit
    }
}
