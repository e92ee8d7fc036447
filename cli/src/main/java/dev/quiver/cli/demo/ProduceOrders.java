package dev.quiver.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The demo's order backlog: creates the orders topics (orders with 4 partitions, orders-dlq, order-results) and
 * writes N orders of 20 customers.
 */
public final class ProduceOrders {
    private ProduceOrders() {}

    public static void produce(String bootstrap, int n) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> create = new ArrayList<>();
            if (!existing.contains("orders")) {
                create.add(new NewTopic("orders", 4, (short) 1));
            }
            for (String t : List.of("orders-dlq", "order-results")) {
                if (!existing.contains(t)) {
                    create.add(new NewTopic(t, 1, (short) 1));
                }
            }
            admin.createTopics(create).all().get();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", "20");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>("orders", customer(i), order(i)));
            }
            producer.flush();
        }
    }

    static String customer(int i) {
        return "customer-" + (i % 20);
    }

    static String order(int i) {
        return "{\"id\":\"demo-" + System.nanoTime() + "-" + i + "\",\"customer\":\"" + customer(i)
                + "\",\"lines\":[{\"sku\":\"sku-" + (i % 7) + "\",\"quantity\":" + (1 + i % 3)
                + ",\"unitPriceCents\":" + (100 + i % 900) + "}]}";
    }
}
