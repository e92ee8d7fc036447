package dev.quiver.runtime.kafka;

import dev.quiver.kafka.local.SharedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** The JVM's shared real Kafka, with the trigger's topic and dead-letter topic created before the app starts. */
public class TriggerKafkaResource implements QuarkusTestResourceLifecycleManager {

    private String topic = KafkaTriggerProfile.TOPIC;
    private int partitions = 1;

    @Override
    public void init(Map<String, String> args) {
        topic = args.getOrDefault("topic", topic);
        partitions = Integer.parseInt(args.getOrDefault("partitions", "1"));
    }

    @Override
    public Map<String, String> start() {
        String servers = SharedKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", servers))) {
            for (String name : List.of(topic, topic + "-dlq")) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, name.equals(topic) ? partitions : 1, (short) 1)))
                            .all()
                            .get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the trigger test topics", e);
        }
        return Map.of("kafka.bootstrap.servers", servers);
    }

    @Override
    public void stop() {
        // the shared broker stops at JVM exit
    }
}
