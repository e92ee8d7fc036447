package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/** {@code spec} of a {@link Trigger}: the same keys as the broker's trigger documents (docs/eventing.md). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TriggerSpec {
    @JsonPropertyDescription("Broker name; default 'default'.")
    private String broker;

    @SchemaFrom(type = OpenObject[].class)
    @JsonPropertyDescription("All must match; dialects exact, prefix, suffix, all, any, not, cesql.")
    private List<Map<String, Object>> filters;

    @PreserveUnknownFields
    @SchemaFrom(type = OpenObject.class)
    @JsonPropertyDescription("Legacy attribute filter: {attributes: {type: x}}; ignored when filters is given.")
    private Map<String, Object> filter;

    @Required
    private Subscriber subscriber;

    @Pattern("^(ordered|unordered)$")
    @JsonPropertyDescription("unordered (default) or ordered per partition.")
    private String ordering;

    @PreserveUnknownFields
    @SchemaFrom(type = OpenObject.class)
    @JsonPropertyDescription("retry, backoffPolicy, backoffDelay, timeout, retryAfterMax, deadLetterSink {uri}.")
    private Map<String, Object> delivery;

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

    public Map<String, Object> getFilter() {
        return filter;
    }

    public void setFilter(Map<String, Object> filter) {
        this.filter = filter;
    }

    public Subscriber getSubscriber() {
        return subscriber;
    }

    public void setSubscriber(Subscriber subscriber) {
        this.subscriber = subscriber;
    }

    public String getOrdering() {
        return ordering;
    }

    public void setOrdering(String ordering) {
        this.ordering = ordering;
    }

    public Map<String, Object> getDelivery() {
        return delivery;
    }

    public void setDelivery(Map<String, Object> delivery) {
        this.delivery = delivery;
    }

    /** Where matching events go: a Function of the same namespace, or a URI. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Subscriber {
        @JsonPropertyDescription("Name of a Function in the trigger's namespace.")
        private String function;

        @JsonPropertyDescription("Absolute http(s) URI.")
        private String uri;

        public String getFunction() {
            return function;
        }

        public void setFunction(String function) {
            this.function = function;
        }

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }
    }
}
