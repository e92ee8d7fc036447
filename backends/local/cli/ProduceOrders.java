import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The demo's order backlog: creates the orders topics (orders with 4 partitions, orders-dlq, order-results) and
 * writes N orders of 20 customers. Run as a single-file program on the Kafka client class path:
 * {@code java -cp 'eventing/kafka-local/target/lib/*' backends/local/cli/ProduceOrders.java 127.0.0.1:9092 10000}
 */
public class ProduceOrders {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int n = Integer.parseInt(args[1]);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var existing = admin.listTopics().names().get();
            var create = new java.util.ArrayList<NewTopic>();
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
                String customer = "customer-" + (i % 20);
                String order = "{\"id\":\"demo-" + System.nanoTime() + "-" + i + "\",\"customer\":\"" + customer
                        + "\",\"lines\":[{\"sku\":\"sku-" + (i % 7) + "\",\"quantity\":" + (1 + i % 3)
                        + ",\"unitPriceCents\":" + (100 + i % 900) + "}]}";
                producer.send(new ProducerRecord<>("orders", customer, order));
            }
            producer.flush();
        }
        System.out.println("produced " + n + " orders to topic orders");
    }
}
