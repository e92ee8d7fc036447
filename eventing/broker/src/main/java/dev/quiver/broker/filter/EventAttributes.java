package dev.quiver.broker.filter;

import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Reads a context attribute or extension of an event as text, the way filters compare it. */
public final class EventAttributes {

    private EventAttributes() {}

    /** @return the value as a string, or null when the event does not have the attribute */
    public static String get(CloudEvent event, String name) {
        Object value = event.getAttributeNames().contains(name) ? event.getAttribute(name) : event.getExtension(name);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof byte[] b) {
            return java.util.Base64.getEncoder().encodeToString(b);
        }
        return value.toString();
    }
}
