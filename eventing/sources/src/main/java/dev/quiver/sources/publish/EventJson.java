package dev.quiver.sources.publish;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;

/** An event as CloudEvents structured JSON (the SDK's format): the outbox's records and the ERROR log lines. */
public final class EventJson {

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private EventJson() {}

    public static byte[] bytes(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    public static CloudEvent event(byte[] json) {
        return FORMAT.deserialize(json);
    }

    public static String text(CloudEvent event) {
        return new String(bytes(event), StandardCharsets.UTF_8);
    }
}
