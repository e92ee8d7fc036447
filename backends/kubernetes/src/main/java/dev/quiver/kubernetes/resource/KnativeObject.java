package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quiver.api.eventing.BrokerDocument;
import dev.quiver.api.eventing.Condition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of Knative's Broker and Trigger resources ({@code eventing.knative.dev/v1}, CRDs in
 * deploy/overlays/knative-eventing-api) as the controller holds them: the spec kept whole (it is read by the one model
 * in api, {@code TriggerDocument}/{@code BrokerDocument}), and Knative's status shape.
 */
public final class KnativeObject {
    private KnativeObject() {}

    /** A spec of any shape, kept as written. */
    public static final class Spec {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        @JsonAnyGetter
        public Map<String, Object> getFields() {
            return fields;
        }

        @JsonAnySetter
        public void set(String key, Object value) {
            fields.put(key, value);
        }
    }

    /**
     * Knative's status: {@code conditions} ({@code Ready} is what {@code kn} and {@code kubectl wait} read),
     * {@code observedGeneration}, a Trigger's {@code subscriberUri}, a Broker's {@code address.url}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Status {
        private Long observedGeneration;
        private List<Condition> conditions;
        private String subscriberUri;
        private BrokerDocument.Address address;

        public Long getObservedGeneration() {
            return observedGeneration;
        }

        public void setObservedGeneration(Long observedGeneration) {
            this.observedGeneration = observedGeneration;
        }

        public List<Condition> getConditions() {
            return conditions;
        }

        public void setConditions(List<Condition> conditions) {
            this.conditions = conditions;
        }

        public String getSubscriberUri() {
            return subscriberUri;
        }

        public void setSubscriberUri(String subscriberUri) {
            this.subscriberUri = subscriberUri;
        }

        public BrokerDocument.Address getAddress() {
            return address;
        }

        public void setAddress(BrokerDocument.Address address) {
            this.address = address;
        }
    }
}
