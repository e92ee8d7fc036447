package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/** {@code spec.triggers}: none given, or {@code triggers: {}}, means HTTP (the same as a local function file). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FunctionTriggers {
    @PreserveUnknownFields
    @SchemaFrom(type = OpenObject.class)
    @JsonPropertyDescription("Plain HTTP CloudEvents (scaled on request concurrency); an empty object turns it on.")
    private Map<String, Object> http;

    @JsonPropertyDescription("Events from a broker, delivered over HTTP through the activator.")
    private BrokerRef broker;

    @JsonPropertyDescription("A Kafka topic the instances consume directly as one consumer group (scaled on lag).")
    private KafkaTopic kafka;

    public Map<String, Object> getHttp() {
        return http;
    }

    public void setHttp(Map<String, Object> http) {
        this.http = http;
    }

    public BrokerRef getBroker() {
        return broker;
    }

    public void setBroker(BrokerRef broker) {
        this.broker = broker;
    }

    public KafkaTopic getKafka() {
        return kafka;
    }

    public void setKafka(KafkaTopic kafka) {
        this.kafka = kafka;
    }

    /** {@code triggers.broker}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BrokerRef {
        @JsonPropertyDescription("Broker name; default 'default'.")
        private String broker;

        @SchemaFrom(type = OpenObject[].class)
        @JsonPropertyDescription("Filters in the broker's dialects (exact, prefix, suffix, all, any, not, cesql).")
        private List<Map<String, Object>> filters;

        @PreserveUnknownFields
        @SchemaFrom(type = OpenObject.class)
        @JsonPropertyDescription("Delivery of the broker trigger (retry, backoffPolicy, backoffDelay, timeout, "
                + "retryAfterMax, deadLetterSink), as in a Trigger; default: the broker's.")
        private Map<String, Object> delivery;

        public Map<String, Object> getDelivery() {
            return delivery;
        }

        public void setDelivery(Map<String, Object> delivery) {
            this.delivery = delivery;
        }

        public String getBroker() {
            return broker;
        }

        public void setBroker(String broker) {
            this.broker = broker;
        }

        public List<Map<String, Object>> getFilters() {
            return filters;
        }

        public void setFilters(List<Map<String, Object>> filters) {
            this.filters = filters;
        }
    }

    /** {@code triggers.kafka}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class KafkaTopic {
        @Required
        private String topic;

        @JsonPropertyDescription("Consumer group; default quiver-<function name>.")
        private String group;

        @PreserveUnknownFields
        @SchemaFrom(type = OpenObject.class)
        @JsonPropertyDescription("Lag scaling settings: scaler-core keys (lagThreshold, activationLagThreshold, ...).")
        private Map<String, Object> lag;

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public Map<String, Object> getLag() {
            return lag;
        }

        public void setLag(Map<String, Object> lag) {
            this.lag = lag;
        }
    }
}
