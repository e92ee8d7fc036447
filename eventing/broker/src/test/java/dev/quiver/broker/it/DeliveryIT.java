package dev.quiver.broker.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.broker.KafkaTopicReader;
import dev.quiver.broker.TestSubscriber;
import dev.quiver.broker.delivery.DeadLetterAttributes;
import dev.quiver.kafka.local.quarkus.KafkaLocalTestResource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaLocalTestResource.class)
class DeliveryIT {

    static TestSubscriber subscriber;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void startSubscriber() throws Exception {
        subscriber = new TestSubscriber();
    }

    @AfterAll
    static void stopSubscriber() throws Exception {
        subscriber.close();
    }

    static void trigger(String name, String type, String path, String extraSpec) {
        given().contentType("application/json")
                .body("""
                {"metadata":{"name":"%s"},"spec":{"broker":"default",
                 "filters":[{"exact":{"type":"%s"}}],"subscriber":{"uri":"%s"}%s}}""".formatted(name, type, subscriber.url(path), extraSpec))
                .post("/admin/v1/triggers")
                .then()
                .statusCode(201);
    }

    static String publish(String type) {
        String id = UUID.randomUUID().toString();
        given().header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", "/it")
                .header("ce-type", type)
                .contentType("text/plain")
                .body("payload")
                .post("/default")
                .then()
                .statusCode(202);
        return id;
    }

    static int metric(String line) {
        String metrics = given().get("/q/metrics").then().extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith(line))
                .findFirst()
                .map(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElse(0);
    }

    @Test
    void matchingEventsAreDeliveredInBinaryModeWithPreferReplyAndOthersAreNot() {
        trigger("d-filter", "it.filter.yes", "/filter", ",\"ordering\":\"ordered\"");
        String no = publish("it.filter.no");
        String yes = publish("it.filter.yes");
        await().until(() -> subscriber.ids("/filter").contains(yes));
        TestSubscriber.Received r = subscriber.received("/filter").get(0);
        assertThat(subscriber.ids("/filter")).containsExactly(yes).doesNotContain(no);
        assertThat(r.headers())
                .containsEntry("prefer", "reply")
                .containsEntry("ce-id", yes)
                .containsEntry("ce-type", "it.filter.yes");
        assertThat(new String(r.event().getData().toBytes())).isEqualTo("payload");
        await().until(() -> metric("quiver_trigger_events_total{result=\"delivered\",trigger=\"d-filter\"}") == 1);
        assertThat(given().get("/q/metrics").asString())
                .contains("quiver_trigger_consumer_lag{trigger=\"d-filter\"}")
                .contains("quiver_trigger_delivery_seconds_count{trigger=\"d-filter\"}");
    }

    @Test
    void failedAttemptsAreRetriedWithBackoffThenDelivered() {
        subscriber.on(
                "/flaky",
                (req, n) -> req.response().setStatusCode(n <= 2 ? 503 : 200).end());
        trigger(
                "d-retry",
                "it.retry",
                "/flaky",
                ",\"delivery\":{\"retry\":3,\"backoffPolicy\":\"linear\",\"backoffDelay\":\"PT0.05S\"}");
        String id = publish("it.retry");
        await().until(() -> subscriber.ids("/flaky").size() == 3);
        assertThat(subscriber.ids("/flaky")).containsOnly(id);
        await().until(() -> metric("quiver_trigger_events_total{result=\"delivered\",trigger=\"d-retry\"}") == 1);
        assertThat(metric("quiver_trigger_events_total{result=\"retried\",trigger=\"d-retry\"}"))
                .isEqualTo(2);
    }

    @Test
    void a400IsNotRetriedAndGoesToTheDeadLetterSinkWithWhereAndWhy() {
        subscriber.on("/reject", (req, n) -> req.response().setStatusCode(400).end("no thanks"));
        trigger(
                "d-dls",
                "it.dls",
                "/reject",
                ",\"delivery\":{\"retry\":3,\"backoffDelay\":\"PT0.05S\"," + "\"deadLetterSink\":{\"uri\":\""
                        + subscriber.url("/dls") + "\"}}");
        String id = publish("it.dls");
        await().until(() -> subscriber.ids("/dls").contains(id));
        CloudEvent dead = subscriber.received("/dls").get(0).event();
        assertThat(dead.getExtension("knativeerrordest")).isEqualTo(subscriber.url("/reject"));
        assertThat(dead.getExtension("knativeerrorcode")).isEqualTo("400");
        assertThat(DeadLetterAttributes.decodeData(dead)).isEqualTo("no thanks");
        assertThat(subscriber.ids("/reject")).containsExactly(id);
        assertThat(metric("quiver_trigger_events_total{result=\"dead_lettered\",trigger=\"d-dls\"}"))
                .isEqualTo(1);
    }

    @Test
    void exhaustedRetriesGoToAKafkaDeadLetterTopic() {
        subscriber.on("/down", (req, n) -> req.response().setStatusCode(500).end("boom"));
        trigger(
                "d-dlq",
                "it.dlq",
                "/down",
                ",\"delivery\":{\"retry\":1,\"backoffDelay\":\"PT0.05S\","
                        + "\"deadLetterSink\":{\"uri\":\"kafka:quiver-dlq-it\"}}");
        String id = publish("it.dlq");
        var records = KafkaTopicReader.await(
                bootstrap, "quiver-dlq-it", r -> id.equals(KafkaTopicReader.header(r, "ce_id")), 1);
        assertThat(KafkaTopicReader.header(records.get(0), "ce_knativeerrorcode"))
                .isEqualTo("500");
        assertThat(subscriber.ids("/down")).containsExactly(id, id);
    }

    @Test
    void aReplyIsPublishedIntoTheBrokerAndReachesOtherTriggers() {
        subscriber.on(
                "/replier",
                (req, n) -> req.response()
                        .setStatusCode(200)
                        .putHeader("ce-specversion", "1.0")
                        .putHeader("ce-id", "reply-" + req.getHeader("ce-id"))
                        .putHeader("ce-source", "/replier")
                        .putHeader("ce-type", "it.reply.answer")
                        .putHeader("content-type", "text/plain")
                        .end("answer"));
        trigger("d-ask", "it.reply.ask", "/replier", "");
        trigger("d-answers", "it.reply.answer", "/answers", "");
        String id = publish("it.reply.ask");
        await().until(() -> subscriber.ids("/answers").contains("reply-" + id));
        assertThat(subscriber.received("/answers").get(0).event().getExtension("quiverhops"))
                .hasToString("1");
    }

    @Test
    void aReplyKafkaDoesNotStoreFailsTheDeliverySoTheEventIsRetried() {
        String overKafkasMaxRequestSize = "x".repeat(1_100_000);
        subscriber.on(
                "/big-replier",
                (req, n) -> req.response()
                        .setStatusCode(200)
                        .putHeader("ce-specversion", "1.0")
                        .putHeader("ce-id", "answer-" + n)
                        .putHeader("ce-source", "/big-replier")
                        .putHeader("ce-type", "it.bigreply.answer")
                        .putHeader("content-type", "text/plain")
                        .end(n == 1 ? overKafkasMaxRequestSize : "small"));
        trigger(
                "d-bigreply",
                "it.bigreply.ask",
                "/big-replier",
                ",\"delivery\":{\"retry\":2,\"backoffPolicy\":\"linear\",\"backoffDelay\":\"PT0.05S\"}");
        trigger("d-bigreply-answers", "it.bigreply.answer", "/big-answers", "");
        String id = publish("it.bigreply.ask");
        // the first answer's reply cannot be stored: that attempt failed, the event is sent again, the second
        // answer's reply is stored and reaches the other trigger
        await().until(() -> subscriber.ids("/big-answers").contains("answer-2"));
        assertThat(subscriber.ids("/big-replier")).containsExactly(id, id);
        assertThat(subscriber.ids("/big-answers")).containsExactly("answer-2");
        await().until(() -> metric("quiver_trigger_events_total{result=\"delivered\",trigger=\"d-bigreply\"}") == 1);
        assertThat(metric("quiver_trigger_events_total{result=\"retried\",trigger=\"d-bigreply\"}"))
                .isEqualTo(1);
    }

    @Test
    void replyLoopsStopAtTheHopLimit() {
        AtomicInteger replies = new AtomicInteger();
        subscriber.on(
                "/looper",
                (req, n) -> req.response()
                        .setStatusCode(200)
                        .putHeader("ce-specversion", "1.0")
                        .putHeader("ce-id", "loop-" + replies.incrementAndGet())
                        .putHeader("ce-source", "/looper")
                        .putHeader("ce-type", "it.loop")
                        .end());
        trigger("d-loop", "it.loop", "/looper", "");
        publish("it.loop");
        // max-hops=3 in the test config: the original and three replies are delivered, the fourth reply dropped
        await().until(() -> metric("quiver_trigger_dropped_total{reason=\"hops\",trigger=\"d-loop\"}") == 1);
        assertThat(subscriber.received("/looper")).hasSize(4);
    }

    @Test
    void aClientsNegativeHopCountDoesNotExtendAReplyLoop() {
        AtomicInteger replies = new AtomicInteger();
        subscriber.on(
                "/neg-looper",
                (req, n) -> req.response()
                        .setStatusCode(200)
                        .putHeader("ce-specversion", "1.0")
                        .putHeader("ce-id", "neg-" + replies.incrementAndGet())
                        .putHeader("ce-source", "/neg-looper")
                        .putHeader("ce-type", "it.negloop")
                        .end());
        trigger("d-negloop", "it.negloop", "/neg-looper", "");
        given().header("ce-specversion", "1.0")
                .header("ce-id", "neg-0")
                .header("ce-source", "/it")
                .header("ce-type", "it.negloop")
                .header("ce-quiverhops", "-1000000")
                .contentType("text/plain")
                .body("payload")
                .post("/default")
                .then()
                .statusCode(202);
        // reset to 0 at ingress: the same limit as for an event without hops (max-hops=3: 4 deliveries)
        await().until(() -> metric("quiver_trigger_dropped_total{reason=\"hops\",trigger=\"d-negloop\"}") == 1);
        assertThat(subscriber.received("/neg-looper")).hasSize(4);
    }

    @Test
    void orderedDeliversOneAtATimeInOrderAndUnorderedInParallel() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxOrdered = new AtomicInteger();
        AtomicInteger maxUnordered = new AtomicInteger();
        for (String mode : List.of("ordered", "unordered")) {
            AtomicInteger max = mode.equals("ordered") ? maxOrdered : maxUnordered;
            AtomicInteger current = new AtomicInteger();
            subscriber.on("/" + mode, (req, n) -> {
                max.accumulateAndGet(current.incrementAndGet(), Math::max);
                inFlight.incrementAndGet();
                req.response().endHandler(v -> {});
                io.vertx.core.Vertx.currentContext().owner().setTimer(30, t -> {
                    current.decrementAndGet();
                    req.response().setStatusCode(202).end();
                });
            });
            trigger("d-" + mode, "it.order." + mode, "/" + mode, ",\"ordering\":\"" + mode + "\"");
        }
        for (String mode : List.of("ordered", "unordered")) {
            List<String> ids = new ArrayList<>();
            StringBuilder batch = new StringBuilder("[");
            IntStream.range(0, 12).forEach(i -> {
                String id = mode + "-" + i + "-" + UUID.randomUUID();
                ids.add(id);
                batch.append(i == 0 ? "" : ",")
                        .append("{\"specversion\":\"1.0\",\"id\":\"")
                        .append(id)
                        .append("\",\"source\":\"/it\",\"type\":\"it.order.")
                        .append(mode)
                        .append("\",\"partitionkey\":\"one-key\"}");
            });
            given().contentType("application/cloudevents-batch+json")
                    .body(batch.append("]").toString())
                    .post("/default")
                    .then()
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> subscriber.ids("/" + mode).size() == 12);
            if (mode.equals("ordered")) {
                assertThat(subscriber.ids("/ordered")).containsExactlyElementsOf(ids);
            } else {
                assertThat(subscriber.ids("/unordered")).containsExactlyInAnyOrderElementsOf(ids);
            }
        }
        assertThat(maxOrdered.get()).isEqualTo(1);
        assertThat(maxUnordered.get()).isGreaterThan(1);
    }
}
