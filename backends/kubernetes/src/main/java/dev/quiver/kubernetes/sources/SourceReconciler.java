package dev.quiver.kubernetes.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.api.eventing.DestinationResolver;
import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.BrokerAdminException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Map;

/**
 * Reconciles one PingSource, KafkaSource or KafkaSink: resolves its sink references in the namespace
 * ({@link BrokerDocuments}), applies it to the broker's admin API ({@link BrokerAdminClient}, the shared one; an unchanged one is
 * left running) and writes Knative's status: the broker's {@code conditions}, {@code sinkUri} and
 * {@code address}, or Ready=False with {@code SinkNotFound}, {@code InvalidSpec} (the broker's 400, naming the
 * field) or {@code BrokerUnavailable}.
 */
public final class SourceReconciler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final BrokerAdminClient broker;
    private final DestinationResolver destinations;
    private final Clock clock;

    public SourceReconciler(
            KubernetesClient client, BrokerAdminClient broker, DestinationResolver destinations, Clock clock) {
        this.client = client;
        this.broker = broker;
        this.destinations = destinations;
        this.clock = clock;
    }

    public void reconcile(SourceKinds kind, GenericKubernetesResource r) throws InterruptedException {
        JsonNode resource = JSON.valueToTree(r);
        ObjectNode status;
        try {
            ObjectNode doc = BrokerDocuments.of(resource, destinations);
            String name = r.getMetadata().getName();
            broker.apply(kind.plural(), name, JSON.writeValueAsString(doc));
            JsonNode answer = JSON.readTree(broker.get(kind.plural(), name).orElse("{}"));
            status = answer.path("status").isObject()
                    ? ((ObjectNode) answer.get("status")).deepCopy()
                    : notReady("BrokerUnavailable", "the broker answered without a status");
        } catch (BrokerDocuments.Unresolved e) {
            status = notReady("SinkNotFound", e.getMessage());
        } catch (BrokerAdminException e) {
            status = e.invalid() ? notReady("InvalidSpec", e.error()) : notReady("BrokerUnavailable", e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            status = notReady("InvalidSpec", e.getOriginalMessage());
        }
        if (r.getMetadata().getGeneration() != null) {
            status.put("observedGeneration", r.getMetadata().getGeneration());
        }
        GenericKubernetesResource patch = new GenericKubernetesResource();
        patch.setApiVersion(r.getApiVersion());
        patch.setKind(r.getKind());
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(r.getMetadata().getName())
                .withNamespace(r.getMetadata().getNamespace())
                .build());
        patch.setAdditionalProperty("status", JSON.convertValue(status, Map.class));
        client.genericKubernetesResources(kind.context())
                .inNamespace(r.getMetadata().getNamespace())
                .resource(patch)
                .patchStatus();
    }

    /** @return false when the broker had none of that name */
    public boolean delete(SourceKinds kind, GenericKubernetesResource r) throws InterruptedException {
        return broker.delete(kind.plural(), r.getMetadata().getName());
    }

    private ObjectNode notReady(String reason, String message) {
        ObjectNode status = JSON.createObjectNode();
        ArrayNode conditions = status.putArray("conditions");
        conditions
                .addObject()
                .put("type", "Ready")
                .put("status", "False")
                .put("reason", reason)
                .put("message", message)
                .put("lastTransitionTime", clock.instant().toString());
        return status;
    }
}
