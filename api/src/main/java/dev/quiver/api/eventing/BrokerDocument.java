package dev.quiver.api.eventing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quiver.api.eventing.Destination.KReference;
import dev.quiver.api.trigger.TriggerDocument;
import java.util.List;
import java.util.Objects;

/**
 * Knative's {@code eventing.knative.dev/v1} Broker as the broker's admin API ({@code /admin/v1/brokers}), the local
 * platform and the Kubernetes controller read it:
 * <pre>
 * apiVersion: eventing.knative.dev/v1
 * kind: Broker
 * metadata:
 *   name: default
 *   annotations: {eventing.knative.dev/broker.class: MTChannelBasedBroker}   # accepted, any class
 * spec:
 *   config: {apiVersion: v1, kind: ConfigMap, name: config-br-default-channel}   # accepted, not used
 *   delivery: {retry: 3, deadLetterSink: {uri: http://...}}   # the default of its triggers without one
 * status: {address: {url: http://host:port/default}, conditions: [{type: Ready, status: "True"}]}   # answers only
 * </pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BrokerDocument(
        String apiVersion, String kind, TriggerDocument.Metadata metadata, Spec spec, Status status) {
    public static final String API_VERSION = "eventing.knative.dev/v1";
    public static final String KIND = "Broker";
    public static final String CLASS_ANNOTATION = "eventing.knative.dev/broker.class";

    public static BrokerDocument of(String name, Spec spec) {
        return new BrokerDocument(API_VERSION, KIND, new TriggerDocument.Metadata(name, null), spec, null);
    }

    public String name() {
        return metadata == null ? null : metadata.name();
    }

    /** Same name, labels, annotations and spec (status aside). */
    public boolean sameBrokerAs(BrokerDocument other) {
        return other != null && Objects.equals(metadata, other.metadata) && Objects.equals(spec, other.spec);
    }

    public BrokerDocument withStatus(Status s) {
        return new BrokerDocument(apiVersion, kind, metadata, spec, s);
    }

    public BrokerDocument withSpec(Spec s) {
        return new BrokerDocument(apiVersion, kind, metadata, s, status);
    }

    /**
     * @param config   Knative's broker configuration reference; accepted and kept, Quiver's broker needs none
     * @param delivery the delivery of this broker's triggers that do not set their own
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(KReference config, TriggerDocument.Delivery delivery) {}

    /** Knative's Addressable status: {@code address.url} where events are posted, and the Ready condition. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(Address address, List<Condition> conditions) {
        public static Status ready(String url) {
            return new Status(new Address(url), Condition.ready(true, null, null));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String url) {}
}
