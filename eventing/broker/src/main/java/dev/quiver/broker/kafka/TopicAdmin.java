package dev.quiver.broker.kafka;

import dev.quiver.broker.config.BrokerSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics the broker needs (broker topics, Kafka dead-letter topics) if they do not exist. */
@ApplicationScoped
public class TopicAdmin {

    private final BrokerSettings settings;
    private final Admin admin;

    public TopicAdmin(BrokerSettings settings) {
        this.settings = settings;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "quiver-broker-admin"));
    }

    /** Creates the topic with the configured partitions and replication factor; an existing topic is fine. */
    public void ensure(String topic, Duration timeout) {
        create(new NewTopic(topic, settings.partitions(), settings.replicationFactor()), timeout);
    }

    /** Creates a one-partition topic with {@code cleanup.policy=compact}; an existing topic is fine. */
    public void ensureCompacted(String topic, Duration timeout) {
        create(
                new NewTopic(topic, 1, settings.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                timeout);
    }

    private void create(NewTopic t, Duration timeout) {
        String topic = t.name();
        try {
            admin.createTopics(List.of(t)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create Kafka topic " + topic + " at " + settings.bootstrapServers() + ": "
                                + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + settings.bootstrapServers() + " did not answer within " + timeout
                            + " (quiver.broker.kafka.bootstrap-servers)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
