package dev.quiver.examples.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.kafka.local.SharedKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Done-when of the Kafka trigger: 10,000 orders on a 4-partition topic are all processed with totals that match the
 * input exactly, every accepted order has a result record, and the poison records are in the dead-letter topic.
 */
@QuarkusTest
@QuarkusTestResource(OrdersKafka.class)
class OrdersTopicTest {

    static final int ORDERS = 10_000;

    @Inject
    OrderTotals totals;

    @Test
    void tenThousandOrdersOnFourPartitionsGiveExactTotalsAndPoisonGoesToTheDeadLetterTopic() throws Exception {
        Random random = new Random(42);
        Map<String, Long> expectedByCustomer = new HashMap<>();
        long expectedCents = 0;
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < ORDERS; i++) {
                String customer = "customer-" + random.nextInt(50);
                int qty = 1 + random.nextInt(5);
                long price = random.nextInt(100_000);
                JsonObject order = new JsonObject()
                        .put("id", "order-" + i)
                        .put("customer", customer)
                        .put(
                                "lines",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("sku", "sku-" + random.nextInt(20))
                                                .put("quantity", qty)
                                                .put("unitPriceCents", price)));
                producer.send(new ProducerRecord<>(OrdersKafka.ORDERS, customer, order.encode()));
                expectedByCustomer.merge(customer, qty * price, Long::sum);
                expectedCents += qty * price;
                if (i == ORDERS / 2) {
                    producer.send(new ProducerRecord<>(OrdersKafka.ORDERS, "poison", "{\"id\": not json"));
                    producer.send(new ProducerRecord<>(
                            OrdersKafka.ORDERS,
                            "invalid",
                            "{\"id\":\"bad-1\",\"customer\":\"x\",\"lines\":[{\"sku\":\"a\",\"quantity\":0,"
                                    + "\"unitPriceCents\":1}]}"));
                }
            }
            producer.flush();
        }

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> totals.totals().orders() == ORDERS);
        assertThat(totals.totals().cents()).isEqualTo(expectedCents);
        assertThat(totals.totals().centsByCustomer()).isEqualTo(expectedByCustomer);
        given().get("/orders/totals").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> dead = read(OrdersKafka.DLQ, 2);
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("poison", "invalid");
        ConsumerRecord<String, byte[]> invalid =
                dead.stream().filter(r -> r.key().equals("invalid")).findFirst().orElseThrow();
        assertThat(header(invalid, "dead-letter-reason"))
                .contains("invalid order: lines[0].quantity must be 1..10000, but was 0");
        assertThat(new String(invalid.value(), StandardCharsets.UTF_8)).contains("bad-1");

        assertThat(read(OrdersKafka.RESULTS, ORDERS)).hasSize(ORDERS);
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", SharedKafka.bootstrapServers());
        p.put("linger.ms", "5");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    static List<ConsumerRecord<String, byte[]>> read(String topic, int count) {
        Properties p = new Properties();
        p.put("bootstrap.servers", SharedKafka.bootstrapServers());
        p.put("group.id", "test-reader-" + topic);
        p.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return got.size() >= count;
            });
        }
        return got;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
