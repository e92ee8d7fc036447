package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** {@code spec} of a {@link Broker}. Every field is optional; the broker Deployment's settings are the defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BrokerSpec {
    @JsonPropertyDescription("Kafka topic; default quiver-broker-<name>.")
    private String topic;

    @Min(1)
    @JsonPropertyDescription("Partitions of the topic when the broker creates it.")
    private Integer partitions;

    @Min(1)
    @JsonPropertyDescription("Replication factor of the topic when the broker creates it.")
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
