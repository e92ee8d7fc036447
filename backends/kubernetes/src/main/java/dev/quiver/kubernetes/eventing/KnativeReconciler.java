package dev.quiver.kubernetes.eventing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.eventing.BrokerDocument;
import dev.quiver.api.eventing.Condition;
import dev.quiver.api.eventing.Destination;
import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.BrokerAdminException;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.kubernetes.resource.KnativeBroker;
import dev.quiver.kubernetes.resource.KnativeObject;
import dev.quiver.kubernetes.resource.KnativeTrigger;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Knative's Broker and Trigger resources ({@code eventing.knative.dev/v1}) reconciled like Quiver's: each read by the
 * one model (api {@link TriggerDocument}, {@link BrokerDocument}), its Destinations resolved
 * ({@link KnativeDestinations}), applied to the broker's admin API with the one idempotent client, and the outcome
 * written back in Knative's status shape: {@code Ready} True/False with reason and message, a Trigger's
 * {@code subscriberUri}, a Broker's {@code address.url}.
 */
public final class KnativeReconciler {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final KubernetesClient client;
    private final BrokerAdminClient broker;
    private final KnativeDestinations destinations;
    private final String brokerService;

    public KnativeReconciler(KubernetesClient client, BrokerAdminClient broker, String brokerService) {
        this.client = client;
        this.broker = broker;
        this.brokerService = brokerService;
        this.destinations = new KnativeDestinations(brokerService);
    }

    /** Whether the CRD is installed (Knative Eventing or the overlay); without it, nothing is watched. */
    public static boolean installed(KubernetesClient client, String crd) {
        try {
            return client.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .withName(crd)
                            .get()
                    != null;
        } catch (RuntimeException e) {
            return false; // not allowed to read CRDs, or no API server: treat as absent
        }
    }

    public void reconcile(KnativeTrigger t) throws InterruptedException {
        String ns = t.getMetadata().getNamespace();
        KnativeObject.Status s = new KnativeObject.Status();
        try {
            TriggerDocument doc = JSON.convertValue(document(t), TriggerDocument.class);
            Destination subscriber = doc.spec() == null || doc.spec().subscriber() == null
                    ? null
                    : doc.spec().subscriber().destination();
            URI uri = destinations
                    .resolve(subscriber, ns)
                    .orElseThrow(() -> new Unresolved("spec.subscriber: cannot resolve " + subscriber));
            TriggerDocument.Spec spec = doc.spec().withSubscriber(TriggerDocument.Subscriber.uri(uri.toString()));
            if (spec.delivery() != null && spec.delivery().deadLetterSink() != null) {
                spec = spec.withDelivery(withDeadLetter(spec.delivery(), ns));
            }
            s.setSubscriberUri(uri.toString());
            broker.apply(doc.withSpec(spec));
            s.setConditions(Condition.ready(true, null, null));
        } catch (Unresolved e) {
            s.setConditions(Condition.ready(false, "SubscriberResolveFailed", e.getMessage()));
        } catch (IllegalArgumentException e) {
            s.setConditions(Condition.ready(false, "InvalidSpec", e.getMessage()));
        } catch (BrokerAdminException e) {
            s.setConditions(Condition.ready(
                    false,
                    e.invalid() ? "InvalidSpec" : "BrokerUnavailable",
                    e.invalid() ? e.error() : e.getMessage()));
        }
        writeStatus(t, s);
    }

    public void reconcile(KnativeBroker b) throws InterruptedException {
        String ns = b.getMetadata().getNamespace();
        String name = b.getMetadata().getName();
        KnativeObject.Status s = new KnativeObject.Status();
        try {
            BrokerDocument doc = JSON.convertValue(document(b), BrokerDocument.class);
            if (doc.spec() != null
                    && doc.spec().delivery() != null
                    && doc.spec().delivery().deadLetterSink() != null) {
                doc = doc.withSpec(new BrokerDocument.Spec(
                        doc.spec().config(), withDeadLetter(doc.spec().delivery(), ns)));
            }
            broker.apply("brokers", name, JSON.writeValueAsString(doc));
            s.setAddress(
                    new BrokerDocument.Address("http://" + brokerService + "." + ns + ".svc.cluster.local/" + name));
            s.setConditions(Condition.ready(true, null, null));
        } catch (Unresolved e) {
            s.setConditions(Condition.ready(false, "DeadLetterSinkResolveFailed", e.getMessage()));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            s.setConditions(Condition.ready(false, "InvalidSpec", e.getMessage()));
        } catch (BrokerAdminException e) {
            s.setConditions(Condition.ready(
                    false,
                    e.invalid() ? "InvalidSpec" : "BrokerUnavailable",
                    e.invalid() ? e.error() : e.getMessage()));
        }
        writeStatus(b, s);
    }

    public void delete(KnativeTrigger t) throws InterruptedException {
        broker.delete(t.getMetadata().getName());
    }

    public void delete(KnativeBroker b) throws InterruptedException {
        broker.delete("brokers", b.getMetadata().getName());
    }

    private TriggerDocument.Delivery withDeadLetter(TriggerDocument.Delivery d, String ns) {
        Destination sink = d.deadLetterSink();
        if (sink.ref() == null) {
            return d; // a uri: http(s) or the broker's kafka: scheme, the broker checks it
        }
        URI uri = destinations
                .resolve(sink, ns)
                .orElseThrow(() -> new Unresolved("spec.delivery.deadLetterSink: cannot resolve " + sink));
        return new TriggerDocument.Delivery(
                d.retry(),
                d.backoffPolicy(),
                d.backoffDelay(),
                d.timeout(),
                d.retryAfterMax(),
                Destination.ofUri(uri.toString()));
    }

    /** The resource as the one model reads it: apiVersion, kind, metadata (name, labels, annotations), spec. */
    private static Map<String, Object> document(CustomResource<KnativeObject.Spec, KnativeObject.Status> r) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", r.getMetadata().getName());
        metadata.put("labels", r.getMetadata().getLabels());
        metadata.put("annotations", withoutKubectl(r.getMetadata().getAnnotations()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", r.getApiVersion());
        doc.put("kind", r.getKind());
        doc.put("metadata", metadata);
        doc.put("spec", r.getSpec() == null ? Map.of() : r.getSpec().getFields());
        return doc;
    }

    /** kubectl's last-applied copy is not part of the object's meaning. */
    private static Map<String, String> withoutKubectl(Map<String, String> annotations) {
        if (annotations == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>(annotations);
        out.remove("kubectl.kubernetes.io/last-applied-configuration");
        return out;
    }

    /** Replaces the status whole (a merge patch would merge the conditions list on some servers). */
    private <R extends CustomResource<KnativeObject.Spec, KnativeObject.Status>> void writeStatus(
            R r, KnativeObject.Status s) {
        s.setObservedGeneration(r.getMetadata().getGeneration());
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) r.getClass();
        var live = client.resources(type)
                .inNamespace(r.getMetadata().getNamespace())
                .withName(r.getMetadata().getName());
        if (live.get() == null) {
            return; // deleted meanwhile
        }
        live.editStatus(current -> {
            current.setStatus(s);
            return current;
        });
    }

    /** The object's current Ready condition, for tests and logs. */
    public static Optional<Condition> ready(HasMetadata r) {
        if (r instanceof CustomResource<?, ?> c
                && c.getStatus() instanceof KnativeObject.Status s
                && s.getConditions() != null) {
            return s.getConditions().stream()
                    .filter(x -> Condition.READY.equals(x.type()))
                    .findFirst();
        }
        return Optional.empty();
    }

    private static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message);
        }
    }

    /** The Trigger's {@code spec.broker}; Knative's default is {@code default}. */
    static String brokerOf(KnativeTrigger t) {
        Object b = t.getSpec() == null ? null : t.getSpec().getFields().get("broker");
        return b == null ? "default" : String.valueOf(b);
    }

    static List<String> crds() {
        return List.of(KnativeBroker.CRD, KnativeTrigger.CRD);
    }
}
