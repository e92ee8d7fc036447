package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/**
 * {@code spec} of a {@link Broker}. Every field is optional. The broker app names each topic {@code quiver-broker-<name>}
 * and sets partitions and replication factor for all topics at once, so the controller refuses another topic and
 * reports partitions / replicationFactor as not applied (see BrokerReconciler).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BrokerSpec {
    @JsonPropertyDescription("Kafka topic: quiver-broker-<name>, the only value the broker accepts; may be left out.")
    private String topic;

    @Min(1)
    @JsonPropertyDescription(
            "Not applied per broker yet: the broker Deployment's QUIVER_BROKER_PARTITIONS sets it for every topic it creates.")
    private Integer partitions;

    @Min(1)
    @JsonPropertyDescription(
            "Not applied per broker yet: the broker Deployment's QUIVER_BROKER_REPLICATION_FACTOR sets it for every topic it creates.")
    private Integer replicationFactor;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Integer getPartitions() {
        return partitions;
    }

    public void setPartitions(Integer partitions) {
        this.partitions = partitions;
    }

    public Integer getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(Integer replicationFactor) {
        this.replicationFactor = replicationFactor;
    }
}
