import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The driver of bench/kafka-trigger.sh (compiled by it against kafka-clients):
 * <ul>
 * <li>{@code topic BOOT NAME PARTITIONS}: creates a topic</li>
 * <li>{@code produce BOOT TOPIC N}: writes N valid orders (50 customers as keys, one line each), like the demo</li>
 * <li>{@code watch BOOT TOPIC N TIMEOUT_S}: follows the results topic's end offsets (one result per order, written
 * by the app under test) and prints the rate between 10 % and 90 % of N, so JVM start and the tail are left out</li>
 * </ul>
 */
public class KafkaTriggerBench {

    public static void main(String[] args) throws Exception {
        String boot = args[1];
        switch (args[0]) {
            case "topic" -> topic(boot, args[2], Integer.parseInt(args[3]));
            case "produce" -> produce(boot, args[2], Integer.parseInt(args[3]));
            case "watch" -> watch(boot, args[2], Long.parseLong(args[3]), Long.parseLong(args[4]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void topic(String boot, String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", boot))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    static void produce(String boot, String topic, int n) {
        Properties p = new Properties();
        p.put("bootstrap.servers", boot);
        p.put("linger.ms", "5");
        p.put("batch.size", "65536");
        Random random = new Random(42);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String customer = "customer-" + random.nextInt(50);
                String order = "{\"id\":\"order-" + i + "\",\"customer\":\"" + customer + "\",\"lines\":[{\"sku\":\"sku-"
                        + random.nextInt(20) + "\",\"quantity\":" + (1 + random.nextInt(5)) + ",\"unitPriceCents\":"
                        + random.nextInt(100_000) + "}]}";
                producer.send(new ProducerRecord<>(topic, customer, order));
            }
            producer.flush();
        }
        System.out.printf("produced %d orders in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }

    static void watch(String boot, String topic, long n, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long low = n / 10;
        long high = n - n / 10;
        long lowAt = 0;
        long highAt = 0;
        long seen = 0;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", boot))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int i = 0; i < partitions; i++) {
                latest.put(new TopicPartition(topic, i), OffsetSpec.latest());
            }
            while (System.nanoTime() < deadline) {
                seen = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
                long now = System.nanoTime();
                if (lowAt == 0 && seen >= low) {
                    lowAt = now;
                }
                if (seen >= high) {
                    highAt = now;
                    break;
                }
                Thread.sleep(20);
            }
        }
        if (highAt == 0) {
            System.out.printf("rate=0 timeout after %d s with %d of %d results%n", timeoutSeconds, seen, n);
            return;
        }
        double seconds = (highAt - lowAt) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "rate=%.0f records/s (%d results in %.2f s between 10%% and 90%%)%n",
                (high - low) / seconds, high - low, seconds);
    }
}
