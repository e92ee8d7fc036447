package dev.quiver.broker.delivery;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Marks a failed event before it goes to the dead-letter sink with Knative's extension attributes:
 * {@code knativeerrordest} (where it failed), {@code knativeerrorcode} (last status, 0 = no answer) and
 * {@code knativeerrordata} (the response body, truncated, base64).
 */
public final class DeadLetterAttributes {

    private DeadLetterAttributes() {}

    public static CloudEvent mark(CloudEvent event, String destination, int status, byte[] body, int maxBody) {
        CloudEventBuilder b = CloudEventBuilder.from(event)
                .withExtension("knativeerrordest", destination)
                .withExtension("knativeerrorcode", String.valueOf(status));
        if (body != null && body.length > 0 && maxBody > 0) {
            byte[] cut = body.length > maxBody ? java.util.Arrays.copyOf(body, maxBody) : body;
            b.withExtension("knativeerrordata", Base64.getEncoder().encodeToString(cut));
        }
        return b.build();
    }

    public static String decodeData(CloudEvent event) {
        Object v = event.getExtension("knativeerrordata");
        return v == null ? "" : new String(Base64.getDecoder().decode(v.toString()), StandardCharsets.UTF_8);
    }
}
