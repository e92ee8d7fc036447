package dev.quiver.broker.delivery;

import io.cloudevents.CloudEvent;

/** The reply-loop guard: each reply carries one more hop than the event it answered. */
public final class Hops {

    /** Extension attribute holding the hop count. */
    public static final String EXTENSION = "quiverhops";

    private Hops() {
    }

    public static int of(CloudEvent event) {
        Object v = event.getExtension(EXTENSION);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v != null) {
            try {
                return Integer.parseInt(v.toString().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
