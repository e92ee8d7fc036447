package dev.quiver.broker.sources.ping;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The event a PingSource sends for one slot, as Knative's: type {@code dev.knative.sources.ping}, source
 * {@code /apis/v1/namespaces/<ns>/pingsources/<name>}, time = the slot. The id is derived from the source and the
 * slot (Knative's is random), so a slot sent again after a crash carries the same id and receivers can dedup it.
 */
public final class PingEvents {

    public static final String TYPE = "dev.knative.sources.ping";

    private PingEvents() {}

    public static String source(String namespace, String name) {
        return "/apis/v1/namespaces/" + namespace + "/pingsources/" + name;
    }

    public static String id(String namespace, String name, Instant slot) {
        return UUID.nameUUIDFromBytes((namespace + "/" + name + "@" + slot).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public static CloudEvent event(String namespace, String name, PingSpec spec, Instant slot) {
        CloudEventBuilder b = CloudEventBuilder.v1()
                .withId(id(namespace, name, slot))
                .withType(TYPE)
                .withSource(URI.create(source(namespace, name)))
                .withTime(slot.atOffset(ZoneOffset.UTC));
        if (spec.data().length > 0) {
            b.withData(spec.contentType(), spec.data());
        } else if (spec.contentType() != null) {
            b.withDataContentType(spec.contentType());
        }
        return b.build();
    }
}
